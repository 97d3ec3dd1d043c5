package org.fheml.onnx;

import static org.fheml.onnx.OnnxWriter.Attribute.f;
import static org.fheml.onnx.OnnxWriter.Attribute.i;
import static org.fheml.onnx.OnnxWriter.Attribute.ints;
import static org.fheml.onnx.OnnxWriter.Attribute.s;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random ONNX models of the ops fheml imports, for the differential test against ONNX Runtime: a chain of 3 to 8
 * ops on a dense [N, F] or an image [N, C, H, W] input, with random attributes, broadcast constants, branches that
 * join two activations, constant subgraphs (Constant, ConstantOfShape, Shape/Gather) and QCDQ triples.
 */
final class RandomGraphs {

    /** One generated model: its bytes and the per-sample input shape. */
    record Model(byte[] bytes, int[] sampleShape, String description) {
    }

    private final Random rnd;
    private final OnnxWriter w;
    private final int opset;
    private final List<String> log = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<int[]> shapes = new ArrayList<>();
    private String x;
    private int[] shape;

    private RandomGraphs(long seed) {
        this.rnd = new Random(seed);
        this.opset = 13 + rnd.nextInt(9);
        this.w = new OnnxWriter(opset);
    }

    static Model generate(long seed) {
        return new RandomGraphs(seed).build();
    }

    private Model build() {
        boolean image = rnd.nextBoolean();
        shape = image ? new int[] {1, 1 + rnd.nextInt(3), 4 + rnd.nextInt(4), 4 + rnd.nextInt(4)}
                : new int[] {1, 2 + rnd.nextInt(7)};
        Object[] dims = new Object[shape.length];
        dims[0] = "N";
        for (int d = 1; d < shape.length; d++) {
            dims[d] = shape[d];
        }
        w.input("x", dims);
        x = "x";
        remember();
        if (rnd.nextInt(4) == 0) {
            qcdq();
        }
        int steps = 3 + rnd.nextInt(6);
        for (int k = 0; k < steps; k++) {
            step();
        }
        if (rnd.nextInt(3) == 0) {
            int axis = 1 + rnd.nextInt(shape.length - 1);
            op(rnd.nextBoolean() ? "Softmax" : "LogSoftmax", List.of(x), shape, i("axis", axis));
        }
        w.output(x);
        return new Model(w.build(), Arrays.copyOfRange(shape, 0, shape.length), "opset " + opset + ": " + log);
    }

    private void step() {
        int choice = rnd.nextInt(10);
        if (shape.length == 4) {
            switch (choice) {
                case 0, 1 -> conv();
                case 2 -> pool();
                case 3 -> batchNorm();
                case 4 -> pad();
                case 5 -> {
                    if (rnd.nextBoolean()) {
                        op("Transpose", List.of(x), new int[] {1, shape[1], shape[3], shape[2]}, ints("perm", 0, 1, 3, 2));
                    } else {
                        flatten();
                    }
                }
                case 6 -> op("GlobalAveragePool", List.of(x), new int[] {1, shape[1], 1, 1});
                default -> elementwise();
            }
        } else if (shape.length == 3) {
            switch (choice) {
                case 0 -> op("Transpose", List.of(x), new int[] {1, shape[2], shape[1]}, ints("perm", 0, 2, 1));
                case 1 -> squeeze();
                case 2 -> flatten();
                case 3 -> matMul();
                default -> elementwise();
            }
        } else {
            switch (choice) {
                case 0, 1 -> gemm();
                case 2 -> matMul();
                case 3 -> batchNorm();
                case 4 -> toRank3();
                case 5 -> {
                    String neg = op("Neg", List.of(x), shape);
                    String other = names.get(names.size() - 2);
                    op("Concat", List.of(other, neg), new int[] {1, 2 * shape[1]}, i("axis", rnd.nextBoolean() ? 1 : -1));
                }
                default -> elementwise();
            }
        }
    }

    private void elementwise() {
        int choice = rnd.nextInt(9);
        switch (choice) {
            case 0, 1 -> unary();
            case 2 -> {
                String[] ops = {"Add", "Sub", "Mul"};
                String c = constant(broadcastShape());
                List<String> in = rnd.nextBoolean() ? List.of(x, c) : List.of(c, x);
                op(ops[rnd.nextInt(3)], in, shape);
            }
            case 3 -> {
                double d = (0.5 + rnd.nextDouble() * 1.5) * (rnd.nextBoolean() ? 1 : -1);
                op("Div", List.of(x, w.floats(new int[0], d)), shape);
            }
            case 4 -> op("Pow", List.of(x, w.floats(new int[0], 2 + rnd.nextInt(2))), shape);
            case 5 -> {
                int[] slope = shape.length == 4 ? new int[] {shape[1], 1, 1} : new int[] {shape[shape.length - 1]};
                op("PRelu", List.of(x, w.floats(slope, values(Shapes.size(slope), 0.5))), shape);
            }
            case 6 -> {
                // join with an earlier activation of the same shape
                String other = null;
                for (int k = names.size() - 2; k >= 0; k--) {
                    if (Arrays.equals(shapes.get(k), shape)) {
                        other = names.get(k);
                        break;
                    }
                }
                if (other == null) {
                    unary();
                } else {
                    op(new String[] {"Add", "Sub", "Mul"}[rnd.nextInt(3)], List.of(x, other), shape);
                }
            }
            case 7 -> {
                // a bias made by constant ops: ConstantOfShape, or a Constant node
                int last = shape[shape.length - 1];
                String c;
                if (rnd.nextBoolean()) {
                    c = w.node("ConstantOfShape", List.of(w.longs(last)), OnnxWriter.Attribute.tensor("value",
                            ElementType.FLOAT, new int[] {1}, rnd.nextGaussian()));
                } else {
                    c = w.node("Constant", List.of(), OnnxWriter.Attribute.tensor("value", ElementType.FLOAT,
                            new int[] {last}, values(last, 1)));
                }
                op("Add", List.of(x, c), shape);
            }
            default -> {
                String min = rnd.nextBoolean() ? w.floats(new int[0], -rnd.nextDouble()) : "";
                String max = rnd.nextBoolean() ? w.floats(new int[0], rnd.nextDouble() + 0.1) : "";
                List<String> in = max.isEmpty() ? (min.isEmpty() ? List.of(x) : List.of(x, min)) : List.of(x, min, max);
                op("Clip", in, shape);
            }
        }
    }

    private void unary() {
        String[] plain = {"Relu", "Neg", "Abs", "Sigmoid", "Tanh", "Softplus", "Erf", opset >= 14 ? "HardSwish" : "Relu",
            "Identity"};
        switch (rnd.nextInt(8)) {
            case 0 -> op("LeakyRelu", List.of(x), shape, f("alpha", (float) rnd.nextDouble()));
            case 1 -> op("HardSigmoid", List.of(x), shape, f("alpha", 0.1f + rnd.nextFloat()), f("beta",
                    rnd.nextFloat()));
            case 2 -> op("Elu", List.of(x), shape, f("alpha", 0.1f + rnd.nextFloat()));
            case 3 -> op("Selu", List.of(x), shape, f("alpha", 1 + rnd.nextFloat()), f("gamma", 1 + rnd.nextFloat()));
            case 4 -> op("Celu", List.of(x), shape, f("alpha", 0.5f + rnd.nextFloat()));
            case 5 -> {
                if (opset >= 20) {
                    op("Gelu", List.of(x), shape, s("approximate", rnd.nextBoolean() ? "tanh" : "none"));
                } else {
                    op("Dropout", List.of(x, w.floats(new int[0], 0.3)), shape);
                }
            }
            default -> op(plain[rnd.nextInt(plain.length)], List.of(x), shape);
        }
    }

    private void gemm() {
        int k = shape[1];
        int m = 1 + rnd.nextInt(8);
        boolean transB = rnd.nextBoolean();
        double[] weights = values(k * m, 1 / Math.sqrt(k));
        String b = transB ? w.floats(new int[] {m, k}, weights) : w.floats(new int[] {k, m}, weights);
        if (rnd.nextInt(3) == 0) {
            b = qdqConstant(b, transB ? new int[] {m, k} : new int[] {k, m});
        }
        List<String> in = new ArrayList<>(List.of(x, b));
        switch (rnd.nextInt(3)) {
            case 0 -> in.add(w.floats(new int[] {m}, values(m, 1)));
            case 1 -> in.add(w.floats(new int[] {1, m}, values(m, 1)));
            default -> { }
        }
        op("Gemm", in, new int[] {1, m}, i("transB", transB ? 1 : 0), f("alpha", 0.5f + rnd.nextFloat()),
                f("beta", 0.5f + rnd.nextFloat()));
    }

    private void matMul() {
        int k = shape[shape.length - 1];
        int m = 1 + rnd.nextInt(6);
        int[] out = shape.clone();
        out[out.length - 1] = m;
        op("MatMul", List.of(x, w.floats(new int[] {k, m}, values(k * m, 1 / Math.sqrt(k)))), out);
    }

    private void conv() {
        int c = shape[1];
        int group = c > 1 && rnd.nextBoolean() ? c : 1;
        int m = group * (1 + rnd.nextInt(3));
        int kernel = 1 + rnd.nextInt(3);
        int stride = 1 + rnd.nextInt(2);
        int dilation = kernel > 1 && rnd.nextInt(3) == 0 ? 2 : 1;
        int pad = rnd.nextInt(3);
        int span = dilation * (kernel - 1) + 1;
        int oh = (shape[2] + 2 * pad - span) / stride + 1;
        int ow = (shape[3] + 2 * pad - span) / stride + 1;
        if (oh < 2 || ow < 2 || shape[2] + 2 * pad < span || shape[3] + 2 * pad < span) {
            unary();
            return;
        }
        int fan = c / group * kernel * kernel;
        String weight = w.floats(new int[] {m, c / group, kernel, kernel}, values(m * fan, 1 / Math.sqrt(fan)));
        List<String> in = rnd.nextBoolean() ? List.of(x, weight, w.floats(new int[] {m}, values(m, 0.5)))
                : List.of(x, weight);
        op("Conv", in, new int[] {1, m, oh, ow}, ints("strides", stride, stride), ints("pads", pad, pad, pad, pad),
                ints("dilations", dilation, dilation), i("group", group), ints("kernel_shape", kernel, kernel));
    }

    private void pool() {
        int kernel = 2 + rnd.nextInt(2);
        int stride = 1 + rnd.nextInt(2);
        int pad = rnd.nextInt(kernel);
        int oh = (shape[2] + 2 * pad - kernel) / stride + 1;
        int ow = (shape[3] + 2 * pad - kernel) / stride + 1;
        if (oh < 1 || ow < 1 || shape[2] + 2 * pad < kernel || shape[3] + 2 * pad < kernel) {
            unary();
            return;
        }
        int[] out = {1, shape[1], oh, ow};
        if (rnd.nextBoolean()) {
            op("AveragePool", List.of(x), out, ints("kernel_shape", kernel, kernel), ints("strides", stride, stride),
                    ints("pads", pad, pad, pad, pad), i("count_include_pad", rnd.nextInt(2)));
        } else {
            op("MaxPool", List.of(x), out, ints("kernel_shape", kernel, kernel), ints("strides", stride, stride),
                    ints("pads", pad, pad, pad, pad));
        }
    }

    private void batchNorm() {
        int c = shape[1];
        double[] var = new double[c];
        for (int k = 0; k < c; k++) {
            var[k] = 0.2 + rnd.nextDouble() * 2;
        }
        op("BatchNormalization", List.of(x, w.floats(new int[] {c}, values(c, 1)), w.floats(new int[] {c},
                values(c, 1)), w.floats(new int[] {c}, values(c, 1)), w.floats(new int[] {c}, var)), shape,
                f("epsilon", 1e-3f));
    }

    private void pad() {
        int top = rnd.nextInt(3);
        int left = rnd.nextInt(3);
        String[] modes = {"constant", "reflect", "edge"};
        String mode = modes[rnd.nextInt(3)];
        if (mode.equals("reflect") && (top >= shape[2] || left >= shape[3])) {
            mode = "constant";
        }
        List<String> in = new ArrayList<>(List.of(x, w.longs(0, 0, top, left, 0, 0, top, left)));
        if (mode.equals("constant")) {
            in.add(w.floats(new int[0], rnd.nextGaussian()));
        }
        op("Pad", in, new int[] {1, shape[1], shape[2] + 2 * top, shape[3] + 2 * left}, s("mode", mode));
    }

    private void flatten() {
        int size = (int) Shapes.size(shape);
        switch (rnd.nextInt(3)) {
            case 0 -> op("Flatten", List.of(x), new int[] {1, size}, i("axis", 1));
            case 1 -> op("Reshape", List.of(x, w.longs(-1, size)), new int[] {1, size});
            default -> {
                // PyTorch's x.view(x.size(0), -1): Shape -> Gather -> Unsqueeze -> Concat -> Reshape
                String s = w.node("Shape", List.of(x));
                String n = w.node("Gather", List.of(s, w.initializer(ElementType.INT64, new int[0], 0)), i("axis", 0));
                String u = w.node("Unsqueeze", List.of(n, w.longs(0)));
                String target = w.node("Concat", List.of(u, w.longs(-1)), i("axis", 0));
                op("Reshape", List.of(x, target), new int[] {1, size});
            }
        }
    }

    private void squeeze() {
        int axis = shape[1] == 1 ? 1 : shape[2] == 1 ? 2 : -1;
        if (axis < 0) {
            flatten();
            return;
        }
        int[] out = {1, shape[3 - axis]};
        if (rnd.nextBoolean() || shape[1] == shape[2]) {
            op("Squeeze", List.of(x, w.longs(axis == 2 && rnd.nextBoolean() ? -1 : axis)), out);
        } else {
            op("Squeeze", List.of(x), out);
        }
    }

    private void toRank3() {
        int f = shape[1];
        if (rnd.nextBoolean()) {
            int axis = rnd.nextBoolean() ? 1 : 2;
            op("Unsqueeze", List.of(x, w.longs(axis)), axis == 1 ? new int[] {1, 1, f} : new int[] {1, f, 1});
        } else if (f % 2 == 0) {
            op("Reshape", List.of(x, w.longs(0, 2, f / 2)), new int[] {1, 2, f / 2});
        } else {
            unary();
        }
    }

    /** QuantizeLinear -> Clip -> DequantizeLinear on the input, with a 3- or 4-bit Clip. */
    private void qcdq() {
        boolean signed = rnd.nextBoolean();
        int bits = 3 + rnd.nextInt(2);
        double scale = (0.05 + rnd.nextDouble() * 0.3);
        ElementType type = signed ? ElementType.INT8 : ElementType.UINT8;
        double zp = signed ? 0 : 1 << (bits - 1);
        String s = w.floats(new int[0], scale);
        String z = w.initializer(type, new int[0], zp);
        String q = op("QuantizeLinear", List.of(x, s, z), shape);
        double lo = signed ? -(1 << (bits - 1)) : 0;
        double hi = signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
        String c = op("Clip", List.of(q, w.initializer(type, new int[0], lo), w.initializer(type, new int[0], hi)),
                shape);
        op("DequantizeLinear", List.of(c, s, z), shape);
        // the integer tensors between are no operands for later float ops
        names.remove(names.size() - 2);
        names.remove(names.size() - 2);
        shapes.remove(shapes.size() - 2);
        shapes.remove(shapes.size() - 2);
    }

    /** A constant weight passed through QuantizeLinear -> Clip -> DequantizeLinear, per output row. */
    private String qdqConstant(String weight, int[] dims) {
        String s = w.floats(new int[0], 0.05 + rnd.nextDouble() * 0.1);
        String z = w.initializer(ElementType.INT8, new int[0], 0);
        String q = w.node("QuantizeLinear", List.of(weight, s, z));
        String c = w.node("Clip", List.of(q, w.initializer(ElementType.INT8, new int[0], -4),
                w.initializer(ElementType.INT8, new int[0], 3)));
        return w.node("DequantizeLinear", List.of(c, s, z));
    }

    private int[] broadcastShape() {
        int rank = shape.length;
        int keep = 1 + rnd.nextInt(rank - 1);
        int[] out = Arrays.copyOfRange(shape, rank - keep, rank);
        for (int d = 0; d < out.length; d++) {
            if (rnd.nextInt(3) == 0) {
                out[d] = 1;
            }
        }
        if (rnd.nextInt(4) == 0) {
            int[] full = new int[rank];
            full[0] = 1;
            System.arraycopy(out, 0, full, rank - keep, keep);
            for (int d = 1; d < rank - keep; d++) {
                full[d] = 1;
            }
            return full;
        }
        return out;
    }

    private String constant(int[] dims) {
        return w.floats(dims, values(Shapes.size(dims), 1));
    }

    private double[] values(long n, double scale) {
        double[] v = new double[(int) n];
        for (int k = 0; k < v.length; k++) {
            v[k] = rnd.nextGaussian() * scale;
        }
        return v;
    }

    private String op(String opType, List<String> in, int[] outShape, OnnxWriter.Attribute... attributes) {
        x = w.node(opType, in, attributes);
        shape = outShape;
        log.add(opType);
        remember();
        return x;
    }

    private void remember() {
        names.add(x);
        shapes.add(shape);
    }
}

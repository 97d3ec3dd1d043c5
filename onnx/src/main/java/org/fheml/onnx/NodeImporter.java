package org.fheml.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Converts one ONNX node into float ops (or a folded constant), checking its attributes, its constant operands and
 * that it never mixes the samples of a batch. Activations are shaped per sample, the batch dimension kept as 1.
 */
final class NodeImporter {

    /** Stands for the dynamic batch size inside constant shape tensors (what Shape reads of an activation). */
    static final double BATCH = -1099511627776.0;

    /** Receives the float ops an ONNX node becomes. */
    interface Sink {
        /** Appends a node and returns the activation it computes. */
        Symbol.Activation append(Node node);

        /** The declared batch size of the graph input, or -1 when symbolic. */
        long declaredBatch();
    }

    private final String name;
    private final String opType;
    private final OnnxOp op;
    private final List<Symbol> in;
    private final int outputCount;
    private final Attributes attrs;
    private final Sink sink;
    private final int opset;

    NodeImporter(String name, String opType, OnnxOp op, List<Symbol> in, int outputCount, Attributes attrs,
            Sink sink, int opset) {
        this.name = name;
        this.opType = opType;
        this.op = op;
        this.in = in;
        this.outputCount = outputCount;
        this.attrs = attrs;
        this.sink = sink;
        this.opset = opset;
    }

    /** The symbols of the node's outputs, in order. */
    List<Symbol> run() {
        List<Symbol> out = convert();
        attrs.finish();
        return out;
    }

    private List<Symbol> convert() {
        return switch (op) {
            case Gemm -> one(gemm());
            case MatMul -> one(matMul());
            case Add -> one(binary(FloatOp.BinaryOperator.ADD));
            case Sub -> one(binary(FloatOp.BinaryOperator.SUB));
            case Mul -> one(binary(FloatOp.BinaryOperator.MUL));
            case Div -> one(binary(FloatOp.BinaryOperator.DIV));
            case Pow -> one(binary(FloatOp.BinaryOperator.POW));
            case PRelu -> one(binary(FloatOp.BinaryOperator.PRELU));
            case Neg -> one(univariate(new UnivariateFunction.Neg()));
            case Abs -> one(univariate(new UnivariateFunction.Abs()));
            case Relu -> one(univariate(new UnivariateFunction.Relu()));
            case Sigmoid -> one(univariate(new UnivariateFunction.Sigmoid()));
            case Tanh -> one(univariate(new UnivariateFunction.Tanh()));
            case Softplus -> one(univariate(new UnivariateFunction.Softplus()));
            case Erf -> one(univariate(new UnivariateFunction.ErfFunction()));
            case HardSwish -> one(hardSwish());
            case LeakyRelu -> one(univariate(new UnivariateFunction.LeakyRelu(attrs.real("alpha", 0.01f))));
            case HardSigmoid -> one(univariate(new UnivariateFunction.HardSigmoid(attrs.real("alpha", 0.2f),
                    attrs.real("beta", 0.5f))));
            case Elu -> one(univariate(new UnivariateFunction.Elu(attrs.real("alpha", 1.0))));
            case Selu -> one(univariate(new UnivariateFunction.Selu(attrs.real("alpha", 1.67326319217681884765625),
                    attrs.real("gamma", 1.05070102214813232421875))));
            case Celu -> one(univariate(new UnivariateFunction.Celu(attrs.real("alpha", 1.0))));
            case Gelu -> one(gelu());
            case Clip -> one(clip());
            case Identity -> one(required(0, "input"));
            case Dropout -> dropout();
            case Flatten -> one(flatten());
            case Reshape -> one(reshape());
            case Transpose -> one(transpose());
            case Squeeze -> one(squeeze());
            case Unsqueeze -> one(unsqueeze());
            case Concat -> one(concat());
            case Constant -> one(new Symbol.Const(constant()));
            case ConstantOfShape -> one(new Symbol.Const(constantOfShape()));
            case Shape -> one(new Symbol.Const(shape()));
            case Gather -> one(new Symbol.Const(gather()));
            case Slice -> one(new Symbol.Const(slice()));
            case Cast -> one(cast());
            case BatchNormalization -> batchNormalization();
            case Conv -> one(conv());
            case AveragePool -> one(averagePool());
            case GlobalAveragePool -> one(emit(new FloatOp.GlobalAveragePool(), required(0, "X")));
            case MaxPool -> maxPool();
            case Pad -> one(pad());
            case Softmax -> one(softmax(false));
            case LogSoftmax -> one(softmax(true));
            case QuantizeLinear -> one(quantizeLinear());
            case DequantizeLinear -> one(dequantizeLinear());
        };
    }

    // ---- linear ops

    private Symbol gemm() {
        Symbol a = required(0, "A");
        Tensor b = constant(1, "B");
        double alpha = attrs.real("alpha", 1.0);
        double beta = attrs.real("beta", 1.0);
        boolean transA = attrs.integer("transA", 0) != 0;
        boolean transB = attrs.integer("transB", 0) != 0;
        if (b.rank() != 2) {
            throw shapeError("B must be 2-D, got " + Shapes.str(b.shape()));
        }
        if (transA) {
            if (!(a instanceof Symbol.Const ca)) {
                throw unsupported("transA=1 on an activation input (it would mix the samples of a batch)");
            }
            a = new Symbol.Const(transpose2d(ca.tensor()));
        }
        if (shapeOf(a).length != 2) {
            throw shapeError("A must be 2-D, got " + Shapes.str(shapeOf(a)));
        }
        Tensor w = transB ? transpose2d(b) : b;
        int m = w.shape()[1];
        double[] wd = w.data().clone();
        for (int i = 0; i < wd.length; i++) {
            wd[i] *= alpha;
        }
        Tensor bias = null;
        Symbol c = optional(2);
        if (c != null) {
            Tensor ct = constant(2, "C");
            int[] cs = ct.shape();
            boolean perColumn = cs.length == 0 || cs[cs.length - 1] == 1 || cs[cs.length - 1] == m;
            if (cs.length > 2 || !perColumn || (cs.length == 2 && cs[0] != 1)) {
                throw unsupported("bias C of shape " + Shapes.str(cs) + " (fheml takes a bias broadcast over rows: "
                        + "[], [M] or [1, M])");
            }
            double[] bd = new double[m];
            for (int j = 0; j < m; j++) {
                bd[j] = beta * ct.data()[ct.size() == 1 ? 0 : j];
            }
            bias = Tensor.of(new int[] {m}, bd);
        }
        return emit(new FloatOp.Gemm(new Tensor(ElementType.FLOAT, w.shape(), wd), bias), a);
    }

    private Symbol matMul() {
        Symbol a = required(0, "A");
        Symbol b = required(1, "B");
        if (!(b instanceof Symbol.Const cb)) {
            throw unsupported("MatMul whose right operand B is not a constant (fheml multiplies activations "
                    + "by constant matrices only)");
        }
        if (cb.tensor().rank() != 2) {
            throw unsupported("MatMul by a constant of rank " + cb.tensor().rank() + " (only 2-D right operands)");
        }
        if (shapeOf(a).length < 2) {
            throw unsupported("MatMul of a 1-D left operand");
        }
        return emit(new FloatOp.Gemm(cb.tensor(), null), a);
    }

    private Symbol conv() {
        Symbol x = required(0, "X");
        Tensor w = constant(1, "W");
        Tensor b = optional(2) == null ? null : constant(2, "B");
        if (w.rank() != 4) {
            throw unsupported("a " + (w.rank() - 2) + "-D convolution (fheml supports 2-D Conv on NCHW inputs)");
        }
        int[] xs = shapeOf(x);
        if (xs.length != 4) {
            throw shapeError("Conv needs an NCHW input of rank 4, got " + Shapes.str(xs));
        }
        long[] ks = attrs.integers("kernel_shape");
        if (ks != null && (ks.length != 2 || ks[0] != w.shape()[2] || ks[1] != w.shape()[3])) {
            throw shapeError("kernel_shape " + Arrays.toString(ks) + " does not match weight " + Shapes.str(w.shape()));
        }
        int group = (int) attrs.integer("group", 1);
        if (group < 1) {
            throw unsupported("group " + group);
        }
        int[] strides = pair("strides");
        int[] dilations = pair("dilations");
        int[] pads = pads(xs, new int[] {w.shape()[2], w.shape()[3]}, strides, dilations);
        if (b != null && (b.rank() != 1 || b.size() != w.shape()[0])) {
            throw shapeError("bias " + Shapes.str(b.shape()) + " does not match " + w.shape()[0] + " output channels");
        }
        return emit(new FloatOp.Conv(w, b, strides, pads, dilations, group), x);
    }

    private Symbol averagePool() {
        Symbol x = required(0, "X");
        int[] kernel = kernel();
        if (attrs.integer("ceil_mode", 0) != 0) {
            throw unsupported("ceil_mode=1 (use ceil_mode=False when exporting)");
        }
        int[] dilations = pair("dilations");
        if (dilations[0] != 1 || dilations[1] != 1) {
            throw unsupported("dilations " + Arrays.toString(dilations) + " on AveragePool");
        }
        boolean includePad = attrs.integer("count_include_pad", 0) != 0;
        int[] strides = pair("strides");
        int[] pads = pads(shapeOf(x), kernel, strides, dilations);
        return emit(new FloatOp.AveragePool(kernel, strides, pads, includePad), x);
    }

    private List<Symbol> maxPool() {
        Symbol x = required(0, "X");
        int[] kernel = kernel();
        if (attrs.integer("ceil_mode", 0) != 0) {
            throw unsupported("ceil_mode=1 (use ceil_mode=False when exporting)");
        }
        attrs.ignore("storage_order");
        int[] strides = pair("strides");
        int[] dilations = pair("dilations");
        int[] pads = pads(shapeOf(x), kernel, strides, dilations);
        Symbol y = emit(new FloatOp.MaxPool(kernel, strides, pads, dilations), x);
        return outputCount > 1 ? List.of(y, new Symbol.Unavailable("MaxPool's Indices output")) : List.of(y);
    }

    private int[] kernel() {
        long[] ks = attrs.integers("kernel_shape");
        if (ks == null) {
            throw new OnnxFormatException(OnnxException.where(name, opType) + ": kernel_shape is missing");
        }
        if (ks.length != 2) {
            throw unsupported(ks.length + "-D pooling (fheml supports 2-D pooling on NCHW inputs)");
        }
        return new int[] {positive(ks[0], "kernel_shape"), positive(ks[1], "kernel_shape")};
    }

    private int[] pair(String attribute) {
        long[] v = attrs.integers(attribute);
        if (v == null) {
            return new int[] {1, 1};
        }
        if (v.length != 2) {
            throw shapeError(attribute + " " + Arrays.toString(v) + " does not have 2 values");
        }
        return new int[] {positive(v[0], attribute), positive(v[1], attribute)};
    }

    private int positive(long v, String what) {
        if (v < 1 || v > 1 << 20) {
            throw unsupported(what + " value " + v);
        }
        return (int) v;
    }

    /** Explicit pads [top, left, bottom, right], or those auto_pad implies. */
    private int[] pads(int[] xs, int[] kernel, int[] strides, int[] dilations) {
        String autoPad = attrs.string("auto_pad", "NOTSET");
        long[] explicit = attrs.integers("pads");
        switch (autoPad) {
            case "NOTSET" -> {
                if (explicit == null) {
                    return new int[4];
                }
                if (explicit.length != 4) {
                    throw shapeError("pads " + Arrays.toString(explicit) + " does not have 4 values");
                }
                int[] pads = new int[4];
                for (int i = 0; i < 4; i++) {
                    if (explicit[i] < 0 || explicit[i] > 1 << 20) {
                        throw unsupported("pads value " + explicit[i]);
                    }
                    pads[i] = (int) explicit[i];
                }
                return pads;
            }
            case "VALID" -> {
                return new int[4];
            }
            case "SAME_UPPER", "SAME_LOWER" -> {
                if (xs.length != 4) {
                    throw shapeError("needs an NCHW input of rank 4, got " + Shapes.str(xs));
                }
                int[] pads = new int[4];
                for (int d = 0; d < 2; d++) {
                    int size = xs[d + 2];
                    int out = (size + strides[d] - 1) / strides[d];
                    int total = Math.max(0, (out - 1) * strides[d] + (kernel[d] - 1) * dilations[d] + 1 - size);
                    int small = total / 2;
                    pads[d] = autoPad.equals("SAME_UPPER") ? small : total - small;
                    pads[d + 2] = total - pads[d];
                }
                return pads;
            }
            default -> throw unsupported("auto_pad '" + autoPad + "'");
        }
    }

    private List<Symbol> batchNormalization() {
        Symbol x = required(0, "X");
        Tensor gamma = constant(1, "scale");
        Tensor beta = constant(2, "B");
        Tensor mean = constant(3, "input_mean");
        Tensor var = constant(4, "input_var");
        double eps = attrs.real("epsilon", 1e-5f);
        attrs.ignore("momentum");
        if (attrs.integer("training_mode", 0) != 0) {
            throw unsupported("training_mode=1 (export the model in eval() mode)");
        }
        if (outputCount > 1) {
            throw unsupported("the running mean and variance outputs of training mode");
        }
        int c = gamma.size();
        for (Tensor t : List.of(gamma, beta, mean, var)) {
            if (t.rank() != 1 || t.size() != c) {
                throw shapeError("scale, B, mean and var must all be 1-D of " + c + " channels, got "
                        + Shapes.str(t.shape()));
            }
        }
        double[] scale = new double[c];
        double[] shift = new double[c];
        for (int i = 0; i < c; i++) {
            scale[i] = gamma.data()[i] / Math.sqrt(var.data()[i] + eps);
            shift[i] = beta.data()[i] - mean.data()[i] * scale[i];
        }
        return List.of(emit(new FloatOp.BatchNormalization(scale, shift), x));
    }

    // ---- elementwise ops

    private Symbol binary(FloatOp.BinaryOperator operator) {
        Symbol a = required(0, "A");
        Symbol b = required(1, "B");
        if (operator != FloatOp.BinaryOperator.POW && typeOf(a) != typeOf(b)) {
            throw new OnnxFormatException(OnnxException.where(name, opType) + ": inputs of element types "
                    + typeOf(a) + " and " + typeOf(b) + " (ONNX requires one type)");
        }
        return emit(new FloatOp.Binary(operator), a, b);
    }

    private Symbol univariate(UnivariateFunction f) {
        return emit(new FloatOp.Univariate(f), required(0, "X"));
    }

    private Symbol gelu() {
        if (opset < 20) {
            throw unsupported("Gelu needs opset 20 or later, the model imports opset " + opset);
        }
        String approximate = attrs.string("approximate", "none");
        return switch (approximate) {
            case "none" -> univariate(new UnivariateFunction.Gelu(false));
            case "tanh" -> univariate(new UnivariateFunction.Gelu(true));
            default -> throw unsupported("approximate='" + approximate + "'");
        };
    }

    private Symbol hardSwish() {
        if (opset < 14) {
            throw unsupported("HardSwish needs opset 14 or later, the model imports opset " + opset);
        }
        return univariate(new UnivariateFunction.HardSwish());
    }

    private Symbol clip() {
        Symbol x = required(0, "input");
        double min = optional(1) == null ? Double.NEGATIVE_INFINITY : scalar(constant(1, "min"), "min");
        double max = optional(2) == null ? Double.POSITIVE_INFINITY : scalar(constant(2, "max"), "max");
        return univariate(x, new UnivariateFunction.Clip(min, max));
    }

    private Symbol univariate(Symbol x, UnivariateFunction f) {
        return emit(new FloatOp.Univariate(f), x);
    }

    private List<Symbol> dropout() {
        Symbol x = required(0, "data");
        attrs.ignore("seed");
        if (optional(2) != null) {
            Tensor training = constant(2, "training_mode");
            if (training.size() != 1 || training.data()[0] != 0) {
                throw unsupported("training_mode=true (export the model in eval() mode)");
            }
        }
        if (optional(1) != null) {
            constant(1, "ratio");
        }
        return outputCount > 1 ? List.of(x, new Symbol.Unavailable("Dropout's mask output")) : List.of(x);
    }

    private Symbol softmax(boolean log) {
        Symbol x = required(0, "input");
        int rank = shapeOf(x).length;
        int axis = axis(attrs.integer("axis", -1), rank, "axis");
        if (axis == 0 && x instanceof Symbol.Activation) {
            throw unsupported("softmax over axis 0, the batch dimension");
        }
        return emit(new FloatOp.Softmax(axis, log), x);
    }

    private Symbol quantizeLinear() {
        Symbol x = required(0, "x");
        Tensor scale = constant(1, "y_scale");
        Tensor zeroPoint = optional(2) == null ? null : constant(2, "y_zero_point");
        if (attrs.integer("block_size", 0) != 0) {
            throw unsupported("blocked quantization (block_size)");
        }
        attrs.ignore("saturate");
        long outputDtype = attrs.integer("output_dtype", 0);
        ElementType type = zeroPoint != null ? zeroPoint.type()
                : outputDtype != 0 ? ElementType.of((int) outputDtype).orElse(null) : ElementType.UINT8;
        if (type == null || !type.isInteger() || type == ElementType.INT64 || type == ElementType.INT32
                || type == ElementType.BOOL) {
            throw unsupported("quantization to element type " + (type == null ? outputDtype : type)
                    + " (fheml reads int4, uint4, int8, uint8, int16 and uint16)");
        }
        int axis = quantAxis(x, scale);
        double[] zp = zeroPoints(zeroPoint, scale);
        return emit(new FloatOp.QuantizeLinear(positiveScales(scale), zp, axis, type), x);
    }

    private Symbol dequantizeLinear() {
        Symbol x = required(0, "x");
        Tensor scale = constant(1, "x_scale");
        Tensor zeroPoint = optional(2) == null ? null : constant(2, "x_zero_point");
        if (attrs.integer("block_size", 0) != 0) {
            throw unsupported("blocked quantization (block_size)");
        }
        if (!typeOf(x).isInteger()) {
            throw unsupported("DequantizeLinear of a " + typeOf(x) + " input (fheml reads integer inputs)");
        }
        int axis = quantAxis(x, scale);
        return emit(new FloatOp.DequantizeLinear(positiveScales(scale), zeroPoints(zeroPoint, scale), axis), x);
    }

    private int quantAxis(Symbol x, Tensor scale) {
        int rank = shapeOf(x).length;
        long rawAxis = attrs.integer("axis", 1);
        if (scale.rank() > 1) {
            throw unsupported("a scale of rank " + scale.rank() + " (per tensor or per axis only)");
        }
        if (scale.size() == 1) {
            return 0;
        }
        int axis = axis(rawAxis, rank, "axis");
        if (axis == 0 && x instanceof Symbol.Activation) {
            throw unsupported("per-axis quantization along the batch dimension");
        }
        return axis;
    }

    private double[] positiveScales(Tensor scale) {
        for (double s : scale.data()) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw unsupported("quantization scale " + s + " (scales must be positive and finite)");
            }
        }
        return scale.data().clone();
    }

    private double[] zeroPoints(Tensor zeroPoint, Tensor scale) {
        if (zeroPoint == null) {
            return new double[scale.size()];
        }
        if (zeroPoint.size() != scale.size()) {
            throw shapeError("zero point " + Shapes.str(zeroPoint.shape()) + " and scale " + Shapes.str(scale.shape())
                    + " differ");
        }
        return zeroPoint.data().clone();
    }

    // ---- shape ops

    private Symbol flatten() {
        Symbol x = required(0, "input");
        int[] s = shapeOf(x);
        long rawAxis = attrs.integer("axis", 1);
        int axis = rawAxis == s.length ? s.length : axis(rawAxis, s.length, "axis");
        if (x instanceof Symbol.Activation && axis != 1) {
            throw unsupported("Flatten with axis=" + rawAxis + " on an activation (only axis=1 keeps the "
                    + "samples of a batch apart)");
        }
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= s[d];
        }
        return reshapeTo(x, new int[] {outer, (int) (Shapes.size(s) / Math.max(outer, 1))});
    }

    private Symbol reshape() {
        Symbol x = required(0, "data");
        Tensor target = constant(1, "shape");
        boolean allowZero = attrs.integer("allowzero", 0) != 0;
        int[] s = shapeOf(x);
        long[] t = target.longs();
        boolean activation = x instanceof Symbol.Activation;
        int[] out = new int[t.length];
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < t.length; i++) {
            long v = t[i];
            if (v == (long) BATCH) {
                if (!activation || i != 0) {
                    throw unsupported("a shape that uses the batch size outside the first dimension");
                }
                v = 1;
            } else if (activation && i == 0 && v != 0 && v != -1 && v != sink.declaredBatch()) {
                throw unsupported("Reshape to " + Arrays.toString(t) + " changes the batch dimension (keep the "
                        + "first dimension as the batch: x.reshape(x.shape[0], ...) or x.flatten(1))");
            } else if (activation && i == 0 && v == sink.declaredBatch()) {
                v = 1;
            }
            if (v == 0 && !allowZero) {
                if (i >= s.length) {
                    throw shapeError("shape " + Arrays.toString(t) + " copies dimension " + i + " of "
                            + Shapes.str(s) + ", which does not exist");
                }
                v = s[i];
            }
            if (v == -1) {
                if (inferred >= 0) {
                    throw shapeError("shape " + Arrays.toString(t) + " has two -1");
                }
                inferred = i;
                continue;
            }
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw shapeError("shape " + Arrays.toString(t) + " holds " + v);
            }
            out[i] = (int) v;
            known *= v;
        }
        long size = Shapes.size(s);
        if (inferred >= 0) {
            if (known == 0 || size % known != 0) {
                throw shapeError("cannot reshape " + Shapes.str(s) + " into " + Arrays.toString(t));
            }
            out[inferred] = (int) (size / known);
            if (activation && inferred == 0 && out[0] != 1) {
                throw unsupported("Reshape to " + Arrays.toString(t) + " changes the batch dimension");
            }
        }
        return reshapeTo(x, out);
    }

    private Symbol squeeze() {
        Symbol x = required(0, "data");
        int[] s = shapeOf(x);
        boolean activation = x instanceof Symbol.Activation;
        boolean[] drop = new boolean[s.length];
        if (optional(1) != null) {
            for (long a : constant(1, "axes").longs()) {
                int axis = axis(a, s.length, "axes");
                if (activation && axis == 0) {
                    throw unsupported("Squeeze of axis 0, the batch dimension");
                }
                if (s[axis] != 1) {
                    throw shapeError("cannot squeeze axis " + axis + " of size " + s[axis]);
                }
                drop[axis] = true;
            }
        } else {
            for (int d = activation ? 1 : 0; d < s.length; d++) {
                drop[d] = s[d] == 1;
            }
        }
        int[] out = new int[s.length];
        int n = 0;
        for (int d = 0; d < s.length; d++) {
            if (!drop[d]) {
                out[n++] = s[d];
            }
        }
        return reshapeTo(x, Arrays.copyOf(out, n));
    }

    private Symbol unsqueeze() {
        Symbol x = required(0, "data");
        int[] s = shapeOf(x);
        long[] axes = constant(1, "axes").longs();
        int rank = s.length + axes.length;
        boolean[] inserted = new boolean[rank];
        for (long a : axes) {
            int axis = axis(a, rank, "axes");
            if (inserted[axis]) {
                throw shapeError("axes " + Arrays.toString(axes) + " repeat axis " + axis);
            }
            if (axis == 0 && x instanceof Symbol.Activation) {
                throw unsupported("Unsqueeze at axis 0, in front of the batch dimension");
            }
            inserted[axis] = true;
        }
        int[] out = new int[rank];
        int k = 0;
        for (int d = 0; d < rank; d++) {
            out[d] = inserted[d] ? 1 : s[k++];
        }
        return reshapeTo(x, out);
    }

    private Symbol reshapeTo(Symbol x, int[] shape) {
        if (x instanceof Symbol.Const c) {
            if (Shapes.size(shape) != c.tensor().size()) {
                throw shapeError("cannot reshape " + Shapes.str(c.tensor().shape()) + " into " + Shapes.str(shape));
            }
            return new Symbol.Const(c.tensor().reshape(shape));
        }
        if (shape.length == 0 || shape[0] != 1) {
            throw unsupported("the result " + Shapes.str(shape) + " would not keep the batch as its first dimension");
        }
        return emit(new FloatOp.Reshape(shape), x);
    }

    private Symbol transpose() {
        Symbol x = required(0, "data");
        int rank = shapeOf(x).length;
        long[] raw = attrs.integers("perm");
        if (raw != null && raw.length != rank) {
            throw shapeError("perm " + Arrays.toString(raw) + " does not fit rank " + rank);
        }
        int[] perm = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = raw == null ? rank - 1 - i : axis(raw[i], rank, "perm");
            if (seen[perm[i]]) {
                throw shapeError("perm " + Arrays.toString(raw) + " is not a permutation of " + rank + " axes");
            }
            seen[perm[i]] = true;
        }
        if (x instanceof Symbol.Activation && perm[0] != 0) {
            throw unsupported("Transpose with perm " + Arrays.toString(perm) + " moves the batch dimension");
        }
        return emit(new FloatOp.Transpose(perm), x);
    }

    private Symbol concat() {
        List<Symbol> inputs = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            inputs.add(required(i, "inputs"));
        }
        int rank = shapeOf(inputs.get(0)).length;
        int axis = axis(attrs.integer("axis", 0), rank, "axis");
        boolean anyActivation = inputs.stream().anyMatch(s -> s instanceof Symbol.Activation);
        if (anyActivation && axis == 0) {
            throw unsupported("Concat along axis 0, the batch dimension");
        }
        return emit(new FloatOp.Concat(axis), inputs.toArray(Symbol[]::new));
    }

    private Symbol pad() {
        Symbol x = required(0, "data");
        int rank = shapeOf(x).length;
        long[] raw = constant(1, "pads").longs();
        double value = optional(2) == null ? 0 : scalar(constant(2, "constant_value"), "constant_value");
        int[] axes = new int[rank];
        if (optional(3) != null) {
            long[] a = constant(3, "axes").longs();
            axes = new int[a.length];
            for (int i = 0; i < a.length; i++) {
                axes[i] = axis(a[i], rank, "axes");
            }
        } else {
            for (int i = 0; i < rank; i++) {
                axes[i] = i;
            }
        }
        if (raw.length != 2 * axes.length) {
            throw shapeError("pads " + Arrays.toString(raw) + " needs " + 2 * axes.length + " values");
        }
        int[] pads = new int[2 * rank];
        for (int i = 0; i < axes.length; i++) {
            long begin = raw[i];
            long end = raw[i + axes.length];
            if (begin < 0 || end < 0 || begin > 1 << 20 || end > 1 << 20) {
                throw unsupported("pads " + Arrays.toString(raw) + " (negative pads crop; fheml pads only)");
            }
            pads[axes[i]] = (int) begin;
            pads[axes[i] + rank] = (int) end;
        }
        if (x instanceof Symbol.Activation && (pads[0] != 0 || pads[rank] != 0)) {
            throw unsupported("padding the batch dimension");
        }
        String mode = attrs.string("mode", "constant");
        FloatOp.PadMode padMode = switch (mode) {
            case "constant" -> FloatOp.PadMode.CONSTANT;
            case "reflect" -> FloatOp.PadMode.REFLECT;
            case "edge" -> FloatOp.PadMode.EDGE;
            default -> throw unsupported("mode '" + mode + "'");
        };
        return emit(new FloatOp.Pad(pads, padMode, value), x);
    }

    // ---- ops folded at load time

    private Tensor constant() {
        int set = 0;
        Tensor t = null;
        if (attrs.has("value")) {
            t = attrs.tensor("value");
            set++;
        }
        if (attrs.has("value_float")) {
            t = Tensor.of(new int[0], attrs.real("value_float", 0));
            set++;
        }
        if (attrs.has("value_floats")) {
            float[] f = attrs.reals("value_floats");
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            t = Tensor.of(new int[] {f.length}, d);
            set++;
        }
        if (attrs.has("value_int")) {
            t = new Tensor(ElementType.INT64, new int[0], new double[] {attrs.integer("value_int", 0)});
            set++;
        }
        if (attrs.has("value_ints")) {
            t = Tensor.ofLongs(attrs.integers("value_ints"));
            set++;
        }
        if (set != 1) {
            throw unsupported(set == 0 ? "a Constant without a numeric value (value_string and sparse_value are "
                    + "not supported)" : "a Constant with " + set + " values");
        }
        return t;
    }

    private Tensor constantOfShape() {
        long[] dims = constant(0, "input").longs();
        Tensor value = attrs.tensor("value");
        int[] shape = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == (long) BATCH) {
                throw unsupported("a constant as large as the batch (fheml needs constants of static shape)");
            }
            if (dims[i] < 0 || dims[i] > Integer.MAX_VALUE) {
                throw shapeError("dimension " + dims[i]);
            }
            shape[i] = (int) dims[i];
        }
        ElementType type = value == null ? ElementType.FLOAT : value.type();
        double fill = value == null ? 0 : value.data()[0];
        double[] data = new double[Math.toIntExact(Shapes.size(shape))];
        Arrays.fill(data, fill);
        return new Tensor(type, shape, data);
    }

    private Tensor shape() {
        Symbol x = required(0, "data");
        int[] s = shapeOf(x);
        int rank = s.length;
        long start = attrs.integer("start", 0);
        long end = attrs.integer("end", rank);
        int from = (int) Math.max(0, Math.min(rank, start < 0 ? start + rank : start));
        int to = (int) Math.max(0, Math.min(rank, end < 0 ? end + rank : end));
        long[] dims = new long[Math.max(0, to - from)];
        for (int i = from; i < to; i++) {
            dims[i - from] = i == 0 && x instanceof Symbol.Activation ? (long) BATCH : s[i];
        }
        return Tensor.ofLongs(dims);
    }

    private Tensor gather() {
        Symbol data = required(0, "data");
        if (!(data instanceof Symbol.Const cd)) {
            throw unsupported("Gather from an activation (fheml gathers from constant shapes only)");
        }
        Tensor d = cd.tensor();
        Tensor idx = constant(1, "indices");
        int axis = axis(attrs.integer("axis", 0), d.rank(), "axis");
        int[] outShape = new int[d.rank() - 1 + idx.rank()];
        System.arraycopy(d.shape(), 0, outShape, 0, axis);
        System.arraycopy(idx.shape(), 0, outShape, axis, idx.rank());
        System.arraycopy(d.shape(), axis + 1, outShape, axis + idx.rank(), d.rank() - axis - 1);
        int inner = 1;
        for (int k = axis + 1; k < d.rank(); k++) {
            inner *= d.shape()[k];
        }
        int outer = d.size() / Math.max(1, d.shape()[axis] * inner);
        double[] out = new double[Math.toIntExact(Shapes.size(outShape))];
        int n = d.shape()[axis];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < idx.size(); j++) {
                long i = (long) idx.data()[j];
                if (i < -n || i >= n) {
                    throw shapeError("index " + i + " out of range for axis of size " + n);
                }
                int k = (int) (i < 0 ? i + n : i);
                System.arraycopy(d.data(), (o * n + k) * inner, out, (o * idx.size() + j) * inner, inner);
            }
        }
        return new Tensor(d.type(), outShape, out);
    }

    private Tensor slice() {
        Symbol data = required(0, "data");
        if (!(data instanceof Symbol.Const cd)) {
            throw unsupported("Slice of an activation (fheml slices constant tensors only)");
        }
        Tensor d = cd.tensor();
        long[] starts = constant(1, "starts").longs();
        long[] ends = constant(2, "ends").longs();
        long[] axes = optional(3) == null ? null : constant(3, "axes").longs();
        long[] steps = optional(4) == null ? null : constant(4, "steps").longs();
        int rank = d.rank();
        int[] from = new int[rank];
        int[] step = new int[rank];
        int[] count = d.shape().clone();
        Arrays.fill(step, 1);
        if (ends.length != starts.length || axes != null && axes.length != starts.length
                || steps != null && steps.length != starts.length) {
            throw shapeError("starts, ends, axes and steps differ in length");
        }
        for (int i = 0; i < starts.length; i++) {
            int axis = axes == null ? i : axis(axes[i], rank, "axes");
            long n = d.shape()[axis];
            long s = steps == null ? 1 : steps[i];
            if (s == 0) {
                throw shapeError("step 0");
            }
            long start = starts[i] < 0 ? starts[i] + n : starts[i];
            long end = ends[i] < 0 ? ends[i] + n : ends[i];
            if (s > 0) {
                start = Math.clamp(start, 0, n);
                end = Math.clamp(end, 0, n);
                count[axis] = (int) Math.max(0, (end - start + s - 1) / s);
            } else {
                start = Math.clamp(start, 0, n - 1);
                end = Math.clamp(end, -1, n - 1);
                count[axis] = (int) Math.max(0, (start - end - s - 1) / -s);
            }
            from[axis] = (int) start;
            step[axis] = (int) s;
        }
        int[] strides = Shapes.strides(d.shape());
        double[] out = new double[Math.toIntExact(Shapes.size(count))];
        int[] index = new int[rank];
        for (int o = 0; o < out.length; o++) {
            int src = 0;
            for (int k = 0; k < rank; k++) {
                src += (from[k] + index[k] * step[k]) * strides[k];
            }
            out[o] = d.data()[src];
            for (int k = rank - 1; k >= 0; k--) {
                if (++index[k] < count[k]) {
                    break;
                }
                index[k] = 0;
            }
        }
        return new Tensor(d.type(), count, out);
    }

    private Symbol cast() {
        Symbol x = required(0, "input");
        long to = attrs.integer("to", 0);
        attrs.ignore("saturate", "round_mode");
        ElementType target = ElementType.of((int) to).orElseThrow(() -> unsupported("cast to element type " + to));
        if (x instanceof Symbol.Const c) {
            double[] d = c.tensor().data().clone();
            if (target.isInteger()) {
                for (int i = 0; i < d.length; i++) {
                    d[i] = d[i] == BATCH ? BATCH : (double) (long) d[i];
                }
            }
            return new Symbol.Const(new Tensor(target, c.tensor().shape(), d));
        }
        Symbol.Activation a = (Symbol.Activation) x;
        if (!target.isInteger() && !a.type().isInteger()) {
            return x;
        }
        throw unsupported("cast of an activation from " + a.type() + " to " + target);
    }

    // ---- helpers

    /** Appends {@code op} on {@code inputs}, or folds it when every input is constant. */
    private Symbol emit(FloatOp floatOp, Symbol... inputs) {
        List<int[]> shapes = new ArrayList<>();
        List<ElementType> types = new ArrayList<>();
        boolean allConstant = true;
        int maxActivationRank = -1;
        for (Symbol s : inputs) {
            shapes.add(shapeOf(s));
            types.add(typeOf(s));
            if (s instanceof Symbol.Activation a) {
                allConstant = false;
                maxActivationRank = Math.max(maxActivationRank, a.shape().length);
            } else if (s instanceof Symbol.Const c && containsBatch(c.tensor())
                    && !(floatOp instanceof FloatOp.Concat) && !(floatOp instanceof FloatOp.Reshape)) {
                throw unsupported("arithmetic on the dynamic batch size (fheml needs static shapes)");
            }
        }
        int[] outShape;
        try {
            outShape = ShapeInference.infer(floatOp, shapes);
            Shapes.size(outShape);
        } catch (ShapeMismatch e) {
            throw shapeError(e.getMessage());
        }
        ElementType outType = FloatKernels.outputType(floatOp, types);
        if (allConstant) {
            List<Tensor> tensors = new ArrayList<>();
            for (Symbol s : inputs) {
                tensors.add(((Symbol.Const) s).tensor());
            }
            return new Symbol.Const(FloatKernels.apply(floatOp, tensors, outShape, outType));
        }
        boolean broadcasting = floatOp instanceof FloatOp.Binary || floatOp instanceof FloatOp.Concat;
        if (outShape.length == 0 || outShape[0] != 1 || broadcasting && outShape.length != maxActivationRank) {
            throw unsupported("the result " + Shapes.str(outShape) + " would broadcast a constant over the batch "
                    + "dimension (constants must not have a leading dimension larger than 1)");
        }
        List<Operand> operands = new ArrayList<>();
        for (Symbol s : inputs) {
            operands.add(switch (s) {
                case Symbol.Activation a -> {
                    if (broadcasting && a.shape().length != outShape.length) {
                        throw unsupported("an activation of rank " + a.shape().length + " broadcast to rank "
                                + outShape.length + " would move the batch dimension");
                    }
                    yield new Operand.Value(a.id());
                }
                case Symbol.Const c -> new Operand.Constant(c.tensor());
                case Symbol.Unavailable u -> throw new IllegalStateException("unreachable");
            });
        }
        return sink.append(new Node(name, opType, floatOp, operands, outShape, outType));
    }

    private static boolean containsBatch(Tensor t) {
        if (!t.type().isInteger()) {
            return false;
        }
        for (double v : t.data()) {
            if (v == BATCH) {
                return true;
            }
        }
        return false;
    }

    private Symbol required(int i, String what) {
        Symbol s = optional(i);
        if (s == null) {
            throw new OnnxFormatException(OnnxException.where(name, opType) + ": required input " + i + " (" + what
                    + ") is missing");
        }
        return s;
    }

    private Symbol optional(int i) {
        if (i >= in.size()) {
            return null;
        }
        Symbol s = in.get(i);
        if (s instanceof Symbol.Unavailable u) {
            throw unsupported("it reads " + u.reason() + ", which fheml does not compute");
        }
        return s;
    }

    private Tensor constant(int i, String what) {
        Symbol s = required(i, what);
        if (s instanceof Symbol.Const c) {
            return c.tensor();
        }
        throw unsupported("input " + i + " (" + what + ") is computed from the data; fheml needs it to be a constant "
                + "(an initializer or a Constant node)");
    }

    private double scalar(Tensor t, String what) {
        if (t.size() != 1) {
            throw shapeError(what + " must be a scalar, got " + Shapes.str(t.shape()));
        }
        return t.data()[0];
    }

    private int axis(long axis, int rank, String what) {
        int a = Shapes.axis(axis, rank);
        if (a < 0) {
            throw shapeError(what + " " + axis + " is out of range for rank " + rank);
        }
        return a;
    }

    private static int[] shapeOf(Symbol s) {
        return switch (s) {
            case Symbol.Const c -> c.tensor().shape();
            case Symbol.Activation a -> a.shape();
            case Symbol.Unavailable u -> throw new IllegalStateException(u.reason());
        };
    }

    private static ElementType typeOf(Symbol s) {
        return switch (s) {
            case Symbol.Const c -> c.tensor().type();
            case Symbol.Activation a -> a.type();
            case Symbol.Unavailable u -> throw new IllegalStateException(u.reason());
        };
    }

    private static Tensor transpose2d(Tensor t) {
        int r = t.shape()[0];
        int c = t.shape()[1];
        double[] out = new double[t.size()];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[j * r + i] = t.data()[i * c + j];
            }
        }
        return new Tensor(t.type(), new int[] {c, r}, out);
    }

    private List<Symbol> one(Symbol s) {
        if (outputCount > 1) {
            throw unsupported(outputCount + " outputs (fheml computes only the first)");
        }
        return List.of(s);
    }

    private UnsupportedOnnxException unsupported(String what) {
        return new UnsupportedOnnxException(name, opType, what);
    }

    private OnnxShapeException shapeError(String what) {
        return new OnnxShapeException(name, opType, what);
    }
}

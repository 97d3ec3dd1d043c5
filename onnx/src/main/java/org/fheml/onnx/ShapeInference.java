package org.fheml.onnx;

import java.util.Arrays;
import java.util.List;

/** The output shape of each {@link FloatOp} from its input shapes; a mismatch throws {@link ShapeMismatch}. */
final class ShapeInference {

    private ShapeInference() {
    }

    static int[] infer(FloatOp op, List<int[]> in) {
        return switch (op) {
            case FloatOp.Gemm g -> {
                int[] x = in.get(0);
                int k = g.weight().shape()[0];
                if (x.length < 1 || x[x.length - 1] != k) {
                    throw new ShapeMismatch("input " + Shapes.str(x) + " does not end with the weight's " + k
                            + " rows (weight " + Shapes.str(g.weight().shape()) + ")");
                }
                int[] out = x.clone();
                out[out.length - 1] = g.weight().shape()[1];
                yield out;
            }
            case FloatOp.Conv c -> {
                int[] x = rank4(in.get(0), "Conv");
                int[] w = c.weight().shape();
                if (x[1] != w[1] * c.group() || w[0] % c.group() != 0) {
                    throw new ShapeMismatch("input channels " + x[1] + " do not match weight " + Shapes.str(w)
                            + " with group " + c.group());
                }
                yield new int[] {x[0], w[0],
                    window(x[2], w[2], c.strides()[0], c.pads()[0], c.pads()[2], c.dilations()[0]),
                    window(x[3], w[3], c.strides()[1], c.pads()[1], c.pads()[3], c.dilations()[1])};
            }
            case FloatOp.AveragePool p -> {
                int[] x = rank4(in.get(0), "AveragePool");
                yield new int[] {x[0], x[1], window(x[2], p.kernel()[0], p.strides()[0], p.pads()[0], p.pads()[2], 1),
                    window(x[3], p.kernel()[1], p.strides()[1], p.pads()[1], p.pads()[3], 1)};
            }
            case FloatOp.MaxPool p -> {
                int[] x = rank4(in.get(0), "MaxPool");
                yield new int[] {x[0], x[1],
                    window(x[2], p.kernel()[0], p.strides()[0], p.pads()[0], p.pads()[2], p.dilations()[0]),
                    window(x[3], p.kernel()[1], p.strides()[1], p.pads()[1], p.pads()[3], p.dilations()[1])};
            }
            case FloatOp.GlobalAveragePool g -> {
                int[] x = in.get(0);
                if (x.length < 3) {
                    throw new ShapeMismatch("GlobalAveragePool needs an input of rank 3 or more, got " + Shapes.str(x));
                }
                int[] out = x.clone();
                Arrays.fill(out, 2, out.length, 1);
                yield out;
            }
            case FloatOp.BatchNormalization b -> {
                int[] x = in.get(0);
                if (x.length < 2 || x[1] != b.scale().length) {
                    throw new ShapeMismatch("input " + Shapes.str(x) + " does not have " + b.scale().length
                            + " channels on axis 1");
                }
                yield x.clone();
            }
            case FloatOp.Binary b -> {
                int[] out = Shapes.broadcast(in.get(0), in.get(1));
                if (out == null) {
                    throw new ShapeMismatch("shapes " + Shapes.str(in.get(0)) + " and " + Shapes.str(in.get(1))
                            + " do not broadcast");
                }
                yield out;
            }
            case FloatOp.Univariate u -> in.get(0).clone();
            case FloatOp.Reshape r -> {
                if (Shapes.size(r.shape()) != Shapes.size(in.get(0))) {
                    throw new ShapeMismatch("cannot reshape " + Shapes.str(in.get(0)) + " into " + Shapes.str(r.shape()));
                }
                yield r.shape().clone();
            }
            case FloatOp.Transpose t -> {
                int[] x = in.get(0);
                if (t.perm().length != x.length) {
                    throw new ShapeMismatch("perm " + Arrays.toString(t.perm()) + " does not fit rank " + x.length);
                }
                int[] out = new int[x.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = x[t.perm()[i]];
                }
                yield out;
            }
            case FloatOp.Concat c -> {
                int[] out = in.get(0).clone();
                for (int i = 1; i < in.size(); i++) {
                    int[] s = in.get(i);
                    if (s.length != out.length) {
                        throw new ShapeMismatch("inputs of ranks " + out.length + " and " + s.length);
                    }
                    for (int d = 0; d < s.length; d++) {
                        if (d != c.axis() && s[d] != out[d]) {
                            throw new ShapeMismatch("shapes " + Shapes.str(in.get(0)) + " and " + Shapes.str(s)
                                    + " differ outside axis " + c.axis());
                        }
                    }
                    out[c.axis()] += s[c.axis()];
                }
                yield out;
            }
            case FloatOp.Pad p -> {
                int[] x = in.get(0);
                int[] out = x.clone();
                for (int d = 0; d < x.length; d++) {
                    out[d] += p.pads()[d] + p.pads()[d + x.length];
                    if (p.mode() == FloatOp.PadMode.REFLECT
                            && (p.pads()[d] >= x[d] || p.pads()[d + x.length] >= x[d])) {
                        throw new ShapeMismatch("reflect padding of " + p.pads()[d] + " on an axis of size " + x[d]);
                    }
                }
                yield out;
            }
            case FloatOp.Softmax s -> in.get(0).clone();
            case FloatOp.QuantizeLinear q -> checkAxis(in.get(0), q.scale().length, q.axis());
            case FloatOp.DequantizeLinear d -> checkAxis(in.get(0), d.scale().length, d.axis());
        };
    }

    private static int[] checkAxis(int[] x, int count, int axis) {
        if (count != 1 && (axis >= x.length || x[axis] != count)) {
            throw new ShapeMismatch(count + " scales do not match axis " + axis + " of " + Shapes.str(x));
        }
        return x.clone();
    }

    private static int[] rank4(int[] x, String what) {
        if (x.length != 4) {
            throw new ShapeMismatch(what + " needs an NCHW input of rank 4, got " + Shapes.str(x));
        }
        return x;
    }

    static int window(int size, int kernel, int stride, int padBegin, int padEnd, int dilation) {
        int span = dilation * (kernel - 1) + 1;
        int padded = size + padBegin + padEnd;
        if (padded < span) {
            throw new ShapeMismatch("kernel span " + span + " exceeds padded size " + padded);
        }
        return (padded - span) / stride + 1;
    }
}

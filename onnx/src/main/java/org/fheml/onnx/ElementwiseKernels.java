package org.fheml.onnx;

/** Broadcast binary ops, univariate functions, batch normalization, softmax and (de)quantization. */
final class ElementwiseKernels {

    private ElementwiseKernels() {
    }

    static void binary(FloatOp.BinaryOperator operator, Tensor a, Tensor b, int[] outShape, double[] out) {
        int[] sa = Shapes.broadcastStrides(a.shape(), outShape);
        int[] sb = Shapes.broadcastStrides(b.shape(), outShape);
        boolean integerDivision = a.type().isInteger() && b.type().isInteger();
        double[] da = a.data();
        double[] db = b.data();
        int rank = outShape.length;
        int[] index = new int[rank];
        int ia = 0;
        int ib = 0;
        for (int o = 0; o < out.length; o++) {
            out[o] = apply(operator, da[ia], db[ib], integerDivision);
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                ia += sa[d];
                ib += sb[d];
                if (index[d] < outShape[d]) {
                    break;
                }
                ia -= sa[d] * outShape[d];
                ib -= sb[d] * outShape[d];
                index[d] = 0;
            }
        }
    }

    static double apply(FloatOp.BinaryOperator operator, double a, double b, boolean integer) {
        return switch (operator) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> integer ? (double) ((long) a / (long) b) : a / b;
            case POW -> Math.pow(a, b);
            case PRELU -> a < 0 ? b * a : a;
        };
    }

    static void univariate(UnivariateFunction f, double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = f.apply(x[i]);
        }
    }

    static void batchNormalization(FloatOp.BatchNormalization b, int[] shape, double[] x, double[] out) {
        int channels = shape[1];
        int inner = x.length / (shape[0] * channels);
        for (int i = 0; i < x.length; i++) {
            int c = (i / inner) % channels;
            out[i] = x[i] * b.scale()[c] + b.shift()[c];
        }
    }

    static void softmax(FloatOp.Softmax s, int[] shape, double[] x, double[] out) {
        int axisLength = shape[s.axis()];
        int inner = 1;
        for (int d = s.axis() + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        int outer = x.length / (axisLength * inner);
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * axisLength * inner + in;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < axisLength; k++) {
                    max = Math.max(max, x[base + k * inner]);
                }
                double sum = 0;
                for (int k = 0; k < axisLength; k++) {
                    sum += Math.exp(x[base + k * inner] - max);
                }
                double logSum = Math.log(sum);
                for (int k = 0; k < axisLength; k++) {
                    double shifted = x[base + k * inner] - max;
                    out[base + k * inner] = s.log() ? shifted - logSum : Math.exp(shifted) / sum;
                }
            }
        }
    }

    /** The index into per-axis parameters of element {@code i} of a tensor of {@code shape}. */
    private static int channel(int i, int[] shape, int axis, int count) {
        if (count == 1) {
            return 0;
        }
        int inner = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        return (i / inner) % shape[axis];
    }

    /**
     * Exact ONNX semantics for float inputs: the division is rounded to float (as float32 arithmetic does), then
     * rounded half to even, shifted by the zero point and saturated.
     */
    static void quantize(FloatOp.QuantizeLinear q, int[] shape, ElementType inputType, double[] x, double[] out) {
        double min = q.type().min();
        double max = q.type().max();
        for (int i = 0; i < x.length; i++) {
            int c = channel(i, shape, q.axis(), q.scale().length);
            double ratio = x[i] / q.scale()[c];
            if (inputType == ElementType.FLOAT) {
                ratio = (float) ratio;
            }
            double v = Math.rint(ratio) + q.zeroPoint()[c];
            out[i] = Math.min(Math.max(v, min), max);
        }
    }

    /** {@code (q - zeroPoint) · scale}, rounded to float as ONNX's float output is. */
    static void dequantize(FloatOp.DequantizeLinear d, int[] shape, double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            int c = channel(i, shape, d.axis(), d.scale().length);
            out[i] = (float) ((x[i] - d.zeroPoint()[c]) * d.scale()[c]);
        }
    }
}

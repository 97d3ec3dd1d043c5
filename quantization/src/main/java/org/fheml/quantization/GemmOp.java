package org.fheml.quantization;

import java.util.Arrays;
import org.fheml.compilation.Tracer;

/**
 * y = x·W + b on a rank-1 input, as the integer program {@code acc_k = bias_k + Σ_j q_j·W_jk − Zw_k·Σ_j q_j}
 * (arXiv:1712.05877, as Concrete ML's quantized Gemm): every zero-point cross term that does not depend on the
 * input is folded into the integer bias. The result is an accumulator with zero point 0 and scale
 * {@code S_x·S_w} per column (one scale when the weights have one quantizer). It is wide: round it
 * ({@link RoundOp}) before a lookup reads it.
 *
 * @param weights          integer weights, [inputs][outputs]
 * @param weightZeroPoints the weights' zero point per output column
 * @param bias             the integer bias per output, every constant term included
 * @param floatWeights     the real weights the integers approximate (the reference), [inputs][outputs]
 * @param floatBias        the real bias
 */
public record GemmOp(long[][] weights, long[] weightZeroPoints, long[] bias, double[][] floatWeights,
        double[] floatBias, TensorQuantization output) implements QuantizedOp {

    /**
     * Post-training: the inputs' scales and zero points (one per element) are folded into the float weights and
     * bias, the folded weights are quantized (one quantizer, or one per output column when {@code perChannel}),
     * and the bias is quantized at the output scale without clipping. This is the linear models' Gemm.
     */
    public static GemmOp postTraining(TensorQuantization input, double[][] W, double[] b,
            QuantizationOptions weightOptions, boolean perChannel) {
        int features = W.length;
        int outputs = b.length;
        if (features != input.size()) {
            throw new IllegalArgumentException("The weights have " + features + " rows but the input has "
                    + input.size() + " elements.");
        }
        double[][] folded = new double[features][outputs];
        double[] foldedBias = b.clone();
        for (int j = 0; j < features; j++) {
            if (W[j].length != outputs) {
                throw new IllegalArgumentException("Weight row " + j + " has " + W[j].length + " columns, the bias "
                        + outputs + ".");
            }
            for (int k = 0; k < outputs; k++) {
                folded[j][k] = W[j][k] * input.scale(j);
                foldedBias[k] -= folded[j][k] * input.zeroPoint(j);
            }
        }
        UniformQuantizer[] columns = new UniformQuantizer[outputs];
        if (perChannel) {
            for (int k = 0; k < outputs; k++) {
                final int column = k;
                columns[k] = UniformQuantizer.calibrate(weightOptions,
                        Arrays.stream(folded).mapToDouble(r -> r[column]).toArray());
            }
        } else {
            UniformQuantizer all = UniformQuantizer.calibrate(weightOptions,
                    Arrays.stream(folded).flatMapToDouble(Arrays::stream).toArray());
            Arrays.fill(columns, all);
        }
        long[][] q = new long[features][outputs];
        for (int j = 0; j < features; j++) {
            for (int k = 0; k < outputs; k++) {
                q[j][k] = columns[k].quantize(folded[j][k]);
            }
        }
        long[] zw = new long[outputs];
        double[] scales = new double[outputs];
        long[] qBias = new long[outputs];
        for (int k = 0; k < outputs; k++) {
            zw[k] = columns[k].zeroPoint();
            scales[k] = columns[k].scale();
            qBias[k] = Math.round(Math.rint(foldedBias[k] / scales[k]));
        }
        return new GemmOp(q, zw, qBias, copy(W), b.clone(),
                new TensorQuantization(new int[] {outputs}, scales, new long[outputs]));
    }

    /**
     * Quantization-aware: integer weights with their given scale and zero point (one per output column, or one
     * for all when the arrays hold one value), on an input of one scale and zero point; the float bias is
     * quantized at the accumulator's scale {@code S_x·S_w}.
     */
    public static GemmOp fixed(TensorQuantization input, long[][] qWeights, double[] weightScales,
            long[] weightZeroPoints, double[] floatBias) {
        if (!input.isUniform()) {
            throw new IllegalArgumentException("A Gemm with given weights needs an input of one scale and zero point "
                    + "(got " + input + "): requantize it with an identity UnivariateOp first.");
        }
        int features = qWeights.length;
        int outputs = floatBias.length;
        if (features != input.size()) {
            throw new IllegalArgumentException("The weights have " + features + " rows but the input has "
                    + input.size() + " elements.");
        }
        double sx = input.scale(0);
        long zx = input.zeroPoint(0);
        long[] zw = new long[outputs];
        double[] scales = new double[outputs];
        long[] bias = new long[outputs];
        double[][] real = new double[features][outputs];
        for (int k = 0; k < outputs; k++) {
            double sw = weightScales[weightScales.length == 1 ? 0 : k];
            zw[k] = weightZeroPoints[weightZeroPoints.length == 1 ? 0 : k];
            scales[k] = sx * sw;
            long columnSum = 0;
            for (int j = 0; j < features; j++) {
                columnSum += qWeights[j][k];
                real[j][k] = sw * (qWeights[j][k] - zw[k]);
            }
            bias[k] = Math.round(Math.rint(floatBias[k] / scales[k])) - zx * columnSum + (long) features * zx * zw[k];
        }
        return new GemmOp(copy(qWeights), zw, bias, real, floatBias.clone(),
                new TensorQuantization(new int[] {outputs}, scales, new long[outputs]));
    }

    private static double[][] copy(double[][] m) {
        return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
    }

    private static long[][] copy(long[][] m) {
        return Arrays.stream(m).map(long[]::clone).toArray(long[][]::new);
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public long[] evaluate(long[]... operands) {
        QuantizedOp.requireArity(this, operands.length);
        long[] q = operands[0];
        long sum = 0;
        for (long v : q) {
            sum += v;
        }
        long[] acc = IntegerMatrices.plus(IntegerMatrices.times(q, weights), bias);
        for (int k = 0; k < acc.length; k++) {
            acc[k] -= weightZeroPoints[k] * sum;
        }
        return acc;
    }

    @Override
    public double[] reference(double[]... operands) {
        double[] x = operands[0];
        double[] y = floatBias.clone();
        for (int j = 0; j < x.length; j++) {
            for (int k = 0; k < y.length; k++) {
                y[k] += x[j] * floatWeights[j][k];
            }
        }
        return y;
    }

    @Override
    public Tracer lower(Tracer... operands) {
        Tracer x = operands[0];
        Tracer acc = x.matmul(weights).add(Tracer.constant(bias));
        if (Arrays.stream(weightZeroPoints).allMatch(z -> z == 0)) {
            return acc;
        }
        if (Arrays.stream(weightZeroPoints).allMatch(z -> z == weightZeroPoints[0])) {
            return acc.subtract(x.sum().multiply(weightZeroPoints[0]));
        }
        return acc.subtract(x.sum().multiply(weightZeroPoints));
    }

    /** The matmul, the bias and the zero-point term bounded separately, as the compiler bounds them. */
    @Override
    public IntegerBounds bounds(IntegerBounds... operands) {
        IntegerBounds in = operands[0];
        IntegerBounds acc = IntegerMatrices.plus(IntegerMatrices.times(in, weights), bias);
        long sumLo = Arrays.stream(in.lower()).sum();
        long sumHi = Arrays.stream(in.upper()).sum();
        long[] lo = acc.lower();
        long[] hi = acc.upper();
        for (int k = 0; k < lo.length; k++) {
            long a = weightZeroPoints[k] * sumLo;
            long c = weightZeroPoints[k] * sumHi;
            lo[k] -= Math.max(a, c);
            hi[k] -= Math.min(a, c);
        }
        return new IntegerBounds(lo, hi);
    }
}

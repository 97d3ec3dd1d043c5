package org.fheml.quantization;

import java.util.Arrays;
import org.fheml.compilation.Tracer;

/**
 * A 2-D convolution (ONNX Conv: strides, pads, dilations, groups) on an input of shape (C, H, W) with one scale
 * and zero point, weights [O][C/groups][kh][kw] quantized symmetrically (zero point 0) per tensor or per output
 * channel. Padding holds real 0, the input's zero point, so it contributes nothing: the integer program is
 * {@code acc = Σ_valid taps w·(q − Zx) + bias}, lowered as one product by the convolution's (sparse, dense-stored)
 * matrix plus a constant per output element. The result has shape (O, OH, OW), zero point 0 and scale
 * {@code S_x·S_w(o)}.
 *
 * @param matrix      [C·H·W][O·OH·OW]: the weight each input element contributes to each output element
 * @param bias        per output element: the quantized bias minus Zx times the output's valid weights
 * @param weights     the real weights (the reference), [O][C/groups][kh][kw]
 * @param floatBias   the real bias per output channel
 */
public record Conv2dOp(ConvGeometry geometry, int groups, long[][] matrix, long[] bias, double[][][][] weights,
        double[] floatBias, TensorQuantization output) implements QuantizedOp {

    /** Post-training: weights quantized symmetrically, per output channel when {@code perChannel}. */
    public static Conv2dOp postTraining(TensorQuantization input, ConvGeometry g, int groups, double[][][][] W,
            double[] b, int weightBits, boolean perChannel) {
        int outChannels = W.length;
        QuantizationOptions options = new QuantizationOptions(weightBits, true, true, false);
        double[] scales = new double[outChannels];
        long[][][][] q = new long[outChannels][][][];
        UniformQuantizer all = perChannel ? null : UniformQuantizer.calibrate(options, flatten(W));
        for (int o = 0; o < outChannels; o++) {
            UniformQuantizer wq = perChannel ? UniformQuantizer.calibrate(options, flatten(W[o])) : all;
            scales[o] = wq.scale();
            q[o] = new long[W[o].length][W[o][0].length][];
            for (int c = 0; c < W[o].length; c++) {
                for (int y = 0; y < W[o][c].length; y++) {
                    q[o][c][y] = wq.quantize(W[o][c][y]);
                }
            }
        }
        return build(input, g, groups, q, scales, W, b);
    }

    /** Quantization-aware: integer weights of zero point 0 with their scale per output channel (or one for all). */
    public static Conv2dOp fixed(TensorQuantization input, ConvGeometry g, int groups, long[][][][] qWeights,
            double[] weightScales, double[] floatBias) {
        int outChannels = qWeights.length;
        double[] scales = new double[outChannels];
        double[][][][] real = new double[outChannels][][][];
        for (int o = 0; o < outChannels; o++) {
            scales[o] = weightScales[weightScales.length == 1 ? 0 : o];
            real[o] = new double[qWeights[o].length][qWeights[o][0].length][];
            for (int c = 0; c < qWeights[o].length; c++) {
                for (int y = 0; y < qWeights[o][c].length; y++) {
                    final double scale = scales[o];
                    real[o][c][y] = Arrays.stream(qWeights[o][c][y]).mapToDouble(v -> v * scale).toArray();
                }
            }
        }
        return build(input, g, groups, qWeights, scales, real, floatBias);
    }

    private static Conv2dOp build(TensorQuantization input, ConvGeometry g, int groups, long[][][][] q,
            double[] weightScales, double[][][][] real, double[] floatBias) {
        if (!input.isUniform()) {
            throw new IllegalArgumentException("A convolution needs an input of one scale and zero point, got "
                    + input + ".");
        }
        if (input.size() != g.inputSize()) {
            throw new IllegalArgumentException("The convolution expects " + g.inputSize() + " input elements "
                    + g + ", got " + input.size() + ".");
        }
        int outChannels = q.length;
        if (groups < 1 || g.channels() % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException("groups (" + groups + ") must divide the input channels ("
                    + g.channels() + ") and the output channels (" + outChannels + ").");
        }
        int perGroupIn = g.channels() / groups;
        if (q[0].length != perGroupIn || q[0][0].length != g.kernelHeight() || q[0][0][0].length != g.kernelWidth()) {
            throw new IllegalArgumentException("Weights must have shape [" + outChannels + "][" + perGroupIn + "]["
                    + g.kernelHeight() + "][" + g.kernelWidth() + "].");
        }
        int oh = g.outputHeight();
        int ow = g.outputWidth();
        int outSize = outChannels * oh * ow;
        long[][] m = new long[g.inputSize()][outSize];
        int perGroupOut = outChannels / groups;
        for (int o = 0; o < outChannels; o++) {
            int firstChannel = (o / perGroupOut) * perGroupIn;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int e = (o * oh + oy) * ow + ox;
                    for (int c = 0; c < perGroupIn; c++) {
                        for (int ky = 0; ky < g.kernelHeight(); ky++) {
                            int y = g.inputRow(oy, ky);
                            for (int kx = 0; kx < g.kernelWidth(); kx++) {
                                int x = g.inputColumn(ox, kx);
                                if (y >= 0 && x >= 0) {
                                    m[((firstChannel + c) * g.height() + y) * g.width() + x][e] += q[o][c][ky][kx];
                                }
                            }
                        }
                    }
                }
            }
        }
        double sx = input.scale(0);
        long zx = input.zeroPoint(0);
        long[] bias = new long[outSize];
        double[] scales = new double[outSize];
        for (int e = 0; e < outSize; e++) {
            int o = e / (oh * ow);
            scales[e] = sx * weightScales[o];
            long valid = 0;
            for (long[] row : m) {
                valid += row[e];
            }
            bias[e] = Math.round(Math.rint(floatBias[o] / scales[e])) - zx * valid;
        }
        return new Conv2dOp(g, groups, m, bias, real, floatBias.clone(),
                new TensorQuantization(new int[] {outChannels, oh, ow}, scales, new long[outSize]));
    }

    private static double[] flatten(Object array) {
        return switch (array) {
            case double[] d -> d;
            case Object[] nested -> Arrays.stream(nested).map(Conv2dOp::flatten).flatMapToDouble(Arrays::stream)
                    .toArray();
            default -> throw new IllegalArgumentException("Not an array of doubles: " + array);
        };
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public long[] evaluate(long[]... operands) {
        QuantizedOp.requireArity(this, operands.length);
        return IntegerMatrices.plus(IntegerMatrices.times(operands[0], matrix), bias);
    }

    /** The convolution computed directly on the real input, tap by tap: independent of the matrix. */
    @Override
    public double[] reference(double[]... operands) {
        double[] x = operands[0];
        ConvGeometry g = geometry;
        int outChannels = weights.length;
        int oh = g.outputHeight();
        int ow = g.outputWidth();
        int perGroupIn = g.channels() / groups;
        int perGroupOut = outChannels / groups;
        double[] y = new double[outChannels * oh * ow];
        for (int o = 0; o < outChannels; o++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double sum = floatBias[o];
                    for (int c = 0; c < perGroupIn; c++) {
                        int channel = (o / perGroupOut) * perGroupIn + c;
                        for (int ky = 0; ky < g.kernelHeight(); ky++) {
                            for (int kx = 0; kx < g.kernelWidth(); kx++) {
                                int iy = oy * g.strideHeight() - g.padTop() + ky * g.dilationHeight();
                                int ix = ox * g.strideWidth() - g.padLeft() + kx * g.dilationWidth();
                                if (iy >= 0 && iy < g.height() && ix >= 0 && ix < g.width()) {
                                    sum += weights[o][c][ky][kx] * x[(channel * g.height() + iy) * g.width() + ix];
                                }
                            }
                        }
                    }
                    y[(o * oh + oy) * ow + ox] = sum;
                }
            }
        }
        return y;
    }

    @Override
    public Tracer lower(Tracer... operands) {
        return operands[0].matmul(matrix).add(Tracer.constant(bias));
    }

    @Override
    public IntegerBounds bounds(IntegerBounds... operands) {
        return IntegerMatrices.plus(IntegerMatrices.times(operands[0], matrix), bias);
    }
}

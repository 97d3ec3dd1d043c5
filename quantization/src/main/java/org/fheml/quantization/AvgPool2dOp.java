package org.fheml.quantization;

import org.fheml.compilation.Tracer;

/**
 * Average pooling over (C, H, W) windows with one scale and zero point, padding counted in the divisor (ONNX's
 * count_include_pad = 1; without padding both conventions agree). The integer program sums each window, the
 * padding standing for real 0 (the zero point): {@code out = Σ_valid q + pads·Zx}, with scale S/(kh·kw) and zero
 * point kh·kw·Zx, so no division happens on encrypted data.
 */
public record AvgPool2dOp(ConvGeometry geometry, long[][] matrix, long[] padding, TensorQuantization output)
        implements QuantizedOp {

    public static AvgPool2dOp of(TensorQuantization input, ConvGeometry g) {
        if (!input.isUniform()) {
            throw new IllegalArgumentException("Average pooling needs an input of one scale and zero point, got "
                    + input + ".");
        }
        if (g.dilationHeight() != 1 || g.dilationWidth() != 1) {
            throw new IllegalArgumentException("Average pooling has no dilation: " + g);
        }
        if (input.size() != g.inputSize()) {
            throw new IllegalArgumentException("The pooling expects " + g.inputSize() + " input elements " + g
                    + ", got " + input.size() + ".");
        }
        int oh = g.outputHeight();
        int ow = g.outputWidth();
        int outSize = g.channels() * oh * ow;
        long[][] m = new long[g.inputSize()][outSize];
        long[] pads = new long[outSize];
        long zx = input.zeroPoint(0);
        for (int c = 0; c < g.channels(); c++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int e = (c * oh + oy) * ow + ox;
                    for (int ky = 0; ky < g.kernelHeight(); ky++) {
                        for (int kx = 0; kx < g.kernelWidth(); kx++) {
                            int y = g.inputRow(oy, ky);
                            int x = g.inputColumn(ox, kx);
                            if (y >= 0 && x >= 0) {
                                m[(c * g.height() + y) * g.width() + x][e] = 1;
                            } else {
                                pads[e] += zx;
                            }
                        }
                    }
                }
            }
        }
        long window = (long) g.kernelHeight() * g.kernelWidth();
        return new AvgPool2dOp(g, m, pads, TensorQuantization.uniform(new int[] {g.channels(), oh, ow},
                input.scale(0) / window, window * zx));
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public long[] evaluate(long[]... operands) {
        QuantizedOp.requireArity(this, operands.length);
        return IntegerMatrices.plus(IntegerMatrices.times(operands[0], matrix), padding);
    }

    /** The mean of each window computed directly, padding counted as 0. */
    @Override
    public double[] reference(double[]... operands) {
        double[] x = operands[0];
        ConvGeometry g = geometry;
        int oh = g.outputHeight();
        int ow = g.outputWidth();
        double[] y = new double[g.channels() * oh * ow];
        for (int c = 0; c < g.channels(); c++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double sum = 0;
                    for (int ky = 0; ky < g.kernelHeight(); ky++) {
                        for (int kx = 0; kx < g.kernelWidth(); kx++) {
                            int iy = oy * g.strideHeight() - g.padTop() + ky;
                            int ix = ox * g.strideWidth() - g.padLeft() + kx;
                            if (iy >= 0 && iy < g.height() && ix >= 0 && ix < g.width()) {
                                sum += x[(c * g.height() + iy) * g.width() + ix];
                            }
                        }
                    }
                    y[(c * oh + oy) * ow + ox] = sum / (g.kernelHeight() * g.kernelWidth());
                }
            }
        }
        return y;
    }

    @Override
    public Tracer lower(Tracer... operands) {
        Tracer sums = operands[0].matmul(matrix);
        return geometry.padded() ? sums.add(Tracer.constant(padding)) : sums;
    }

    @Override
    public IntegerBounds bounds(IntegerBounds... operands) {
        return IntegerMatrices.plus(IntegerMatrices.times(operands[0], matrix), padding);
    }
}

package org.fheml.quantization;

/**
 * Uniform affine quantization, q = clip(rint(x / S + Z)) and x ≈ S · (q − Z), calibrated by min/max over data as
 * Concrete ML does (quantization/quantizers.py). Rounding is half to even, as numpy's rint.
 *
 * @param scale     S, the real value of one integer step
 * @param zeroPoint Z, the integer that represents 0.0
 */
public record UniformQuantizer(QuantizationOptions options, double scale, long zeroPoint) {

    /** Below this range, the calibration data is treated as one value. */
    private static final double DEGENERATE_RANGE = 1e-12;

    public UniformQuantizer {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("A quantizer's scale must be positive and finite, got " + scale + ".");
        }
    }

    /** Calibrates on the smallest and largest value of {@code values}. */
    public static UniformQuantizer calibrate(QuantizationOptions options, double... values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("Cannot calibrate a quantizer on " + v + ".");
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("Cannot calibrate a quantizer on no values.");
        }
        return fromRange(options, min, max);
    }

    /** The quantizer of Concrete ML for values in [min, max]. */
    public static UniformQuantizer fromRange(QuantizationOptions options, double min, double max) {
        long levels = (1L << options.nBits()) - 1;
        long offset = options.offset();
        if (max - min < DEGENERATE_RANGE) {
            double magnitude = Math.max(Math.abs(max), Math.abs(min));
            return new UniformQuantizer(options, magnitude > 0 ? magnitude : 1.0, 0);
        }
        if (options.symmetric()) {
            double scale = Math.max(Math.abs(max), Math.abs(min)) / (levels - offset);
            return new UniformQuantizer(options, scale, 0);
        }
        double scale = (max - min) / levels;
        long zeroPoint = Math.round(Math.rint((max * -offset - min * (levels - offset)) / (max - min)));
        return new UniformQuantizer(options, scale, zeroPoint);
    }

    public long quantize(double x) {
        double q = Math.rint(x / scale + zeroPoint);
        return (long) Math.max(options.minInteger(), Math.min(options.maxInteger(), q));
    }

    public long[] quantize(double[] x) {
        long[] q = new long[x.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = quantize(x[i]);
        }
        return q;
    }

    public double dequantize(long q) {
        return scale * (q - zeroPoint);
    }

    public double[] dequantize(long[] q) {
        double[] x = new double[q.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = dequantize(q[i]);
        }
        return x;
    }
}

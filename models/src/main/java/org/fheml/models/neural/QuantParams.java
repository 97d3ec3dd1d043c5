package org.fheml.models.neural;

/**
 * A per-tensor uniform quantizer: an integer q in [{@link #minInteger()}, {@link #maxInteger()}] stands for the real
 * value scale · (q − zeroPoint). Quantization rounds half to even ({@link Math#rint}) and clips, as Concrete ML does.
 *
 * @param scale     the real value of one integer step, positive
 * @param zeroPoint the integer that stands for 0.0
 * @param bits      the width of q
 * @param signed    whether q is signed and symmetric (−(2^(bits−1) − 1) .. 2^(bits−1) − 1) or unsigned (0 .. 2^bits − 1)
 */
public record QuantParams(double scale, long zeroPoint, int bits, boolean signed) {

    public QuantParams {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("A quantizer's scale must be positive and finite, got " + scale + ".");
        }
        if (bits < 1 || bits > 24) {
            throw new IllegalArgumentException("A quantizer needs 1 to 24 bits, got " + bits + ".");
        }
    }

    /** Unsigned, zero point 0, covering [0, max]. */
    static QuantParams unsigned(int bits, double max) {
        return new QuantParams(max / ((1L << bits) - 1), 0, bits, false);
    }

    /** Signed, symmetric (zero point 0, narrow range), covering [−maxAbs, maxAbs]. */
    static QuantParams symmetric(int bits, double maxAbs) {
        if (bits < 2) {
            throw new IllegalArgumentException("A signed symmetric quantizer needs at least 2 bits, got " + bits + ".");
        }
        return new QuantParams(maxAbs / ((1L << (bits - 1)) - 1), 0, bits, true);
    }

    public long minInteger() {
        return signed ? -((1L << (bits - 1)) - 1) : 0;
    }

    public long maxInteger() {
        return signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
    }

    public long quantize(double x) {
        double q = Math.rint(x / scale) + zeroPoint;
        return (long) Math.max(minInteger(), Math.min(maxInteger(), q));
    }

    public double dequantize(long q) {
        return scale * (q - zeroPoint);
    }

    /** quantize then dequantize: the value the integer program sees for x. */
    double fakeQuantize(double x) {
        return dequantize(quantize(x));
    }

    /** Whether x lies inside the represented range, where a straight-through gradient passes. */
    boolean inRange(double x) {
        double q = x / scale + zeroPoint;
        return q >= minInteger() - 0.5 && q <= maxInteger() + 0.5;
    }
}

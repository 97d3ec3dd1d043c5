package org.fheml.quantization;

/**
 * How a uniform quantizer maps reals to integers: its width, whether its integers are signed (offset 2^(n−1)),
 * symmetric (zero point 0, signed only) and narrow-range (the most negative integer unused).
 */
public record QuantizationOptions(int nBits, boolean signed, boolean symmetric, boolean narrowRange) {

    public QuantizationOptions {
        if (nBits < 1 || nBits > 24) {
            throw new IllegalArgumentException("n_bits must be 1..24, got " + nBits + ".");
        }
        if (symmetric && !signed) {
            throw new IllegalArgumentException("A symmetric quantizer must be signed.");
        }
    }

    public static QuantizationOptions unsigned(int nBits) {
        return new QuantizationOptions(nBits, false, false, false);
    }

    public static QuantizationOptions signed(int nBits) {
        return new QuantizationOptions(nBits, true, false, false);
    }

    /** The integer that 0 shifts to: 2^(n−1) for signed quantizers. */
    public long offset() {
        return signed ? 1L << (nBits - 1) : 0;
    }

    /** The smallest integer a value quantizes to. */
    public long minInteger() {
        return -offset() + (narrowRange ? 1 : 0);
    }

    /** The largest integer a value quantizes to. */
    public long maxInteger() {
        return (1L << nBits) - 1 - offset();
    }
}

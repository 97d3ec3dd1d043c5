package org.fheml.tfhe.fft;

/** Conversion of a double holding an integer-scaled torus value (of any magnitude) to a long mod 2^64. */
public final class TorusRounding {

    private static final long MANTISSA_MASK = (1L << 52) - 1;
    private static final long IMPLICIT_BIT = 1L << 52;

    private TorusRounding() {
    }

    /**
     * round(v) mod 2^64 for every finite v. Below 2^53 in magnitude it rounds and casts; above, v is an integer
     * mantissa·2^e and its residue is the mantissa shifted left by e (0 from e ≥ 64), negated for negative v.
     */
    public static long roundToTorus(double v) {
        long bits = Double.doubleToRawLongBits(v);
        int exponent = (int) ((bits >>> 52) & 0x7FF) - 1075;
        if (exponent < 0) {
            return (long) Math.rint(v);
        }
        long magnitude = exponent >= 64 ? 0 : ((bits & MANTISSA_MASK) | IMPLICIT_BIT) << exponent;
        return bits < 0 ? -magnitude : magnitude;
    }
}

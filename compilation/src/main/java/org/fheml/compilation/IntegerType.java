package org.fheml.compilation;

/** The smallest integer type that holds a range of values: uint4 holds 0..15, int5 holds −16..15. */
public record IntegerType(boolean signed, int bits) {

    public static IntegerType of(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("Empty range [" + min + ", " + max + "].");
        }
        if (min >= 0) {
            return new IntegerType(false, Math.max(1, bitLength(max)));
        }
        return new IntegerType(true, 1 + Math.max(bitLength(Math.max(max, 0)), bitLength(~min)));
    }

    private static int bitLength(long nonNegative) {
        return 64 - Long.numberOfLeadingZeros(nonNegative);
    }

    @Override
    public String toString() {
        return (signed ? "int" : "uint") + bits;
    }
}

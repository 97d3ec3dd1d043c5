package org.fheml.models.neural;

/** Bit widths of integer ranges and the rounding of accumulators before a lookup. */
final class IntegerRanges {

    private IntegerRanges() {
    }

    /** The smallest p such that [min, max] ⊆ [−2^(p−1), 2^(p−1) − 1]. */
    static int signedBits(long min, long max) {
        int p = 1;
        while (min < -(1L << (p - 1)) || max > (1L << (p - 1)) - 1) {
            p++;
        }
        return p;
    }

    /**
     * acc with its {@code lsbs} low bits rounded off, half up: floor((acc + 2^(lsbs−1)) / 2^lsbs), what TFHE's
     * rounding of a bit pattern computes exactly. The result counts units of 2^lsbs.
     */
    static long round(long acc, int lsbs) {
        return lsbs == 0 ? acc : (acc + (1L << (lsbs - 1))) >> lsbs;
    }
}

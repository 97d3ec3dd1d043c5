package org.fheml.compilation;

/** The clear semantics of rounding and truncating low bits. */
final class BitPatterns {

    private BitPatterns() {
    }

    /** The nearest multiple of 2^lsbs, ties upwards. */
    static long round(long value, int lsbs) {
        return Math.floorDiv(Math.addExact(value, 1L << (lsbs - 1)), 1L << lsbs) << lsbs;
    }

    /** The largest multiple of 2^lsbs not above the value. */
    static long truncate(long value, int lsbs) {
        return Math.floorDiv(value, 1L << lsbs) << lsbs;
    }
}

package org.fheml.compilation;

/**
 * The clear semantics of rounding and truncating low bits ({@link Tracer#roundBitPattern},
 * {@link Tracer#truncateBitPattern}), and the widest value a lookup reads: what layers above the compiler (quantized
 * ops, tree and network policies) use to plan their roundings, so that they compute exactly what the circuit does.
 */
public final class BitPatterns {

    /** The widest input a lookup can read: a bootstrap resolves at most 16 bits. */
    public static final int MAX_LOOKUP_BITS = 16;

    private BitPatterns() {
    }

    /** The nearest multiple of 2^lsbs, ties upwards; the value itself when lsbs is 0. */
    public static long round(long value, int lsbs) {
        if (lsbs == 0) {
            return value;
        }
        return Math.floorDiv(Math.addExact(value, 1L << (lsbs - 1)), 1L << lsbs) << lsbs;
    }

    /** The largest multiple of 2^lsbs not above the value. */
    public static long truncate(long value, int lsbs) {
        return Math.floorDiv(value, 1L << lsbs) << lsbs;
    }
}

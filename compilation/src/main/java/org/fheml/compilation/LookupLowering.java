package org.fheml.compilation;

import java.util.function.LongUnaryOperator;

/**
 * How one encrypted lookup (a table, a function, a rounding or a truncation) runs as a bootstrap: its input v is
 * shifted to u = v − lowest, scaled by 2^shift so that u sits on the bootstrap's encoding, and read through a table
 * whose entry m holds g(lowest + m) in the circuit's encoding. Every u < 2^inputBits; inputBits ≤ the bootstrap's
 * precision.
 */
record LookupLowering(Node node, long lowest, int inputBits) {

    /** The lowering of an encrypted lookup node, from its input's bounds. */
    static LookupLowering of(Graph graph, Node node) {
        Bounds input = graph.bounds(node.operands().getFirst());
        long span = input.max() - input.min();
        int bits = Math.max(1, 64 - Long.numberOfLeadingZeros(span));
        return new LookupLowering(node, input.min(), bits);
    }

    static boolean isLookup(Node node) {
        return node.isEncrypted() && (node.op() instanceof Op.Lookup || node.op() instanceof Op.Apply
                || node.op() instanceof Op.RoundBitPattern || node.op() instanceof Op.TruncateBitPattern);
    }

    /** The function of element {@code element} that the table tabulates. */
    LongUnaryOperator function(int element) {
        return switch (node.op()) {
            case Op.Lookup lookup -> v -> lookup.table().apply(element, v);
            case Op.Apply apply -> apply.function();
            case Op.RoundBitPattern round -> v -> BitPatterns.round(v, round.lsbs());
            case Op.TruncateBitPattern truncate -> v -> BitPatterns.truncate(v, truncate.lsbs());
            default -> throw new IllegalStateException("Not a lookup: " + node.op());
        };
    }

    /** Whether every element reads the same table. */
    boolean sharedTable() {
        return !(node.op() instanceof Op.Lookup lookup && lookup.table().isPerElement());
    }

    /**
     * The table of one element, as messages of {@code precision} bits: entry m holds g(lowest + m) encoded with the
     * circuit's encoding; entries beyond the input's range repeat the last value.
     */
    long[] torusTable(int element, int precision, CircuitEncoding encoding) {
        LongUnaryOperator g = function(element);
        long highest = lowest + (1L << inputBits) - 1;
        long[] table = new long[1 << precision];
        for (int m = 0; m < table.length; m++) {
            long v = Math.min(lowest + m, highest);
            table[m] = encoding.encode(g.applyAsLong(v));
        }
        return table;
    }
}

package org.fheml.compilation;

import java.util.function.LongUnaryOperator;

/**
 * How one encrypted lookup (a table or a function) runs as a bootstrap. It reads the ciphertext of
 * {@code source}: the lookup's own input (whose l low bits are zero when it is an exact rounding or a truncation of
 * l bits), or, when that input is an approximate rounding of l bits, the rounding's input, whose l low bits the
 * bootstrap's own rounding then absorbs. The value y of the source is
 * shifted to y − lowest (lowest a multiple of step = 2^l), so that index = round((y − lowest) / step) is below
 * 2^inputBits (highestIndex at most); the table's entry for index i holds g(lowest + i·step) in the circuit's
 * encoding.
 */
record LookupLowering(Node node, Node source, long lowest, int lowBits, long highestIndex) {

    /** The lowering of an encrypted lookup node, from the bounds of what it reads. */
    static LookupLowering of(Graph graph, Node node) {
        Node input = node.operands().getFirst();
        if (input.op() instanceof Op.RoundBitPattern round && round.exactness() == Exactness.APPROXIMATE) {
            Node source = input.operands().getFirst();
            Bounds bounds = graph.bounds(source);
            long lowest = Math.floorDiv(bounds.min(), 1L << round.lsbs()) << round.lsbs();
            long highestIndex = (BitPatterns.round(bounds.max(), round.lsbs()) - lowest) >> round.lsbs();
            return new LookupLowering(node, source, lowest, round.lsbs(), highestIndex);
        }
        int lowBits = RangeAnalysis.removedLowBits(input);
        Bounds bounds = graph.bounds(input);
        return new LookupLowering(node, input, bounds.min(), lowBits, (bounds.max() - bounds.min()) >> lowBits);
    }

    /** The bits an index needs: every index is below 2^inputBits. */
    int inputBits() {
        return bitsOf(highestIndex);
    }

    private static int bitsOf(long highest) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(highest));
    }

    /** A table lookup or function on an encrypted value (roundings and truncations are {@link BitExtraction}s). */
    static boolean isLookup(Node node) {
        return node.isEncrypted() && (node.op() instanceof Op.Lookup || node.op() instanceof Op.Apply);
    }

    /** Whether the lookup absorbs an approximate rounding instead of reading its result. */
    boolean fused() {
        return source != node.operands().getFirst();
    }

    /** The function of element {@code element} that the table tabulates, on the lookup's own input. */
    LongUnaryOperator function(int element) {
        return switch (node.op()) {
            case Op.Lookup lookup -> v -> lookup.table().apply(element, v);
            case Op.Apply apply -> apply.function();
            default -> throw new IllegalStateException("Not a lookup: " + node.op());
        };
    }

    /** Whether every element reads the same table. */
    boolean sharedTable() {
        return !(node.op() instanceof Op.Lookup lookup && lookup.table().isPerElement());
    }

    /**
     * log2 of the factor that puts index 1 on one message of a {@code precision}-bit bootstrap when values are
     * encoded on {@code encodingBits}; negative when indices are further apart than messages.
     */
    int scaleLog(int encodingBits, int precision) {
        return encodingBits - lowBits - precision;
    }

    /**
     * The table of one element, as messages of {@code precision} bits: message m stands for index
     * round(m / 2^spacing), whose value is g(lowest + index·step), encoded with the circuit's encoding; messages
     * past the highest index the input can take repeat its value.
     */
    long[] torusTable(int element, int precision, CircuitEncoding encoding) {
        LongUnaryOperator g = function(element);
        int spacing = Math.max(0, -scaleLog(encoding.bits(), precision));
        long lastIndex = highestIndex;
        long[] table = new long[1 << precision];
        for (int m = 0; m < table.length; m++) {
            long index = spacing == 0 ? m : (m + (1L << (spacing - 1))) >> spacing;
            table[m] = encoding.encode(g.applyAsLong(lowest + (Math.min(index, lastIndex) << lowBits)));
        }
        return table;
    }
}

package org.fheml.compilation;

/**
 * Exact rounding and truncation on ciphertexts: the l low bits of y (shifted to t = y − lowest, plus half a step
 * for rounding) are extracted one by one, least significant first. Multiplying t by 2^(w − j) puts bit j at the
 * top of the torus; a bootstrap through a constant table, offset by a quarter of the torus, then reads that bit
 * negacyclically and returns b_j·2^j, which is subtracted. What remains is an exact multiple of 2^l, with a whole
 * half-box of margin for the lookup that reads it. One bootstrap per bit and element.
 */
record BitExtraction(Node node, long lowest, int lowBits, boolean rounding) {

    static boolean isExtraction(Node node) {
        return node.isEncrypted() && (node.op() instanceof Op.RoundBitPattern || node.op() instanceof Op.TruncateBitPattern);
    }

    static BitExtraction of(Graph graph, Node node) {
        int lowBits = RangeAnalysis.removedLowBits(node);
        long min = graph.bounds(node.operands().getFirst()).min();
        return new BitExtraction(node, Math.floorDiv(min, 1L << lowBits) << lowBits, lowBits,
                node.op() instanceof Op.RoundBitPattern);
    }

    Node source() {
        return node.operands().getFirst();
    }

    /** What is added to y before the bits are read: −lowest, plus half a step when rounding. */
    long offset() {
        return -lowest + (rounding ? 1L << (lowBits - 1) : 0);
    }

    /** The torus value every entry of bit j's table holds: the output is ±2^(j−1)·Δ, shifted to b_j·2^j·Δ. */
    static long tableValue(int bit, CircuitEncoding encoding) {
        return -halfStep(bit, encoding);
    }

    /** 2^(j−1)·Δ: what turns the ±2^(j−1)·Δ of the sign bootstrap into 0 or 2^j·Δ. */
    static long halfStep(int bit, CircuitEncoding encoding) {
        return bit == 0 ? encoding.delta() / 2 : encoding.delta() << (bit - 1);
    }

    /**
     * The plain semantics, for the simulator: t − (t mod 2^l) + lowest with t = y + offset, which is y rounded (ties
     * upwards) or truncated; {@code flips} has a bit set for every extraction that failed.
     */
    long apply(long y, long flips) {
        long t = y + offset();
        long low = Math.floorMod(t, 1L << lowBits) ^ flips;
        return t - low + lowest;
    }
}

package org.fheml.compilation;

/**
 * Exact rounding and truncation on ciphertexts: the l low bits of y (shifted to t = y − lowest, plus half a step
 * for rounding) are cleared in {@link Chunk}s, least significant first, so that what remains is an exact multiple
 * of 2^l, with a whole half-box of margin for the lookup that reads it.
 *
 * <p>A single bit j (the bits below it already cleared): multiplying t by 2^(w − j) puts bit j at the top of the
 * torus; a bootstrap through a constant table, offset by a quarter of the torus, reads that bit negacyclically and
 * returns b_j·2^j, which is subtracted. One bootstrap per bit.
 *
 * <p>A chunk of c bits from bit s (3 ≤ c ≤ P, the bootstrap precision; the bits below s already cleared), with two
 * bootstraps whatever c: multiplying t by 2^(w − s − P) makes u = t / 2^s mod 2^(P+1) the message of a P-bit
 * bootstrap, each value at the centre of its box. A constant table reads bit P of u (the padding half) as a sign
 * and returns b·2^(s+P); the message of t − b·2^(s+P) then lies in the positive half, where a second table returns
 * (u mod 2^c)·2^s, which is subtracted. Both reads keep half a P-bit box of margin, and their inputs carry t's noise
 * scaled by at most 2^(w − P), as every lookup's does.
 */
record BitExtraction(Node node, long lowest, int lowBits, boolean rounding) {

    /**
     * Bits [start, start + bits) of t, cleared with one bootstrap (a single bit) or two ({@code twoStep}, a chunk of
     * 3 or more bits read at the circuit's bootstrap precision).
     */
    record Chunk(int start, int bits, boolean twoStep) {

        int bootstraps() {
            return twoStep ? 2 : 1;
        }
    }

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
     * How the low bits are cleared with bootstraps of {@code precision} bits on values encoded on
     * {@code encodingBits}: chunks of up to {@code precision} bits (two bootstraps each) where a chunk holds 3 bits
     * or more and fits under the encoding, single bits (one bootstrap each) otherwise.
     */
    java.util.List<Chunk> chunks(int precision, int encodingBits) {
        java.util.List<Chunk> chunks = new java.util.ArrayList<>();
        int start = 0;
        while (start < lowBits) {
            int bits = Math.min(precision, lowBits - start);
            if (bits >= 3 && start + precision <= encodingBits) {
                chunks.add(new Chunk(start, bits, true));
                start += bits;
            } else {
                chunks.add(new Chunk(start, 1, false));
                start++;
            }
        }
        return chunks;
    }

    /** Bootstraps per element with bootstraps of {@code precision} bits on values encoded on {@code encodingBits}. */
    int bootstraps(int precision, int encodingBits) {
        return chunks(precision, encodingBits).stream().mapToInt(Chunk::bootstraps).sum();
    }

    /** The message the first bootstrap of a two-step chunk reads for t: u mod 2^(P+1), u = t / 2^s. */
    static long signMessage(long t, Chunk chunk, int precision) {
        return Math.floorMod(t >> chunk.start(), 1L << (precision + 1));
    }

    /** The value, in units, of entry m (below 2^P) of a two-step chunk's second table: (m mod 2^c)·2^s. */
    static long chunkValue(long message, Chunk chunk) {
        return (message & ((1L << chunk.bits()) - 1)) << chunk.start();
    }

    /**
     * The plain semantics of the bootstraps of {@link #chunks}, message by message, for the simulator: without
     * errors, t − (t mod 2^l) + lowest with t = y + offset, which is y rounded (ties upwards) or truncated. With
     * {@code errors}, each bootstrap reads its neighbouring message with probability {@code pError}, and the tables
     * answer as negacyclic bootstraps do.
     */
    long apply(long y, int precision, int encodingBits, java.util.random.RandomGenerator errors, double pError) {
        long t = y + offset();
        long half = 1L << precision;
        for (Chunk chunk : chunks(precision, encodingBits)) {
            if (!chunk.twoStep()) {
                long bit = (t >> chunk.start()) & 1;
                if (errors != null && errors.nextDouble() < pError) {
                    bit ^= 1;
                }
                t -= bit << chunk.start();
                continue;
            }
            long m = Math.floorMod(signMessage(t, chunk, precision) + drawn(errors, pError), 2 * half);
            long sign = m >= half ? 1 : 0;
            long read = Math.floorMod(signMessage(t - (sign << (chunk.start() + precision)), chunk, precision)
                    + drawn(errors, pError), 2 * half);
            t -= read < half ? chunkValue(read, chunk) : -chunkValue(read - half, chunk);
        }
        return t + lowest;
    }

    private static long drawn(java.util.random.RandomGenerator errors, double pError) {
        return errors != null && errors.nextDouble() < pError ? (errors.nextBoolean() ? 1 : -1) : 0;
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

package org.fheml.compilation;

/**
 * What a compiled circuit costs and promises: its bootstraps and keyswitches per evaluation, its widths, the
 * failure probability of a whole evaluation, and the sizes of what the client sends and keeps.
 *
 * @param bootstrapCount       programmable bootstraps per evaluation (one per element of every encrypted lookup,
 *                             less those that share a many-LUT bootstrap: {@link Circuit#bootstrapsSavedByManyLut()})
 * @param keyswitchCount       keyswitches per evaluation (one before every bootstrap)
 * @param maximumBitWidth      the widest integer of the program, clear or encrypted
 * @param encodingBits         the width every encrypted value is encoded with
 * @param bootstrapPrecision   the bits each bootstrap reads, 0 without bootstraps
 * @param log2GlobalPError     log2 of the probability that an evaluation decrypts wrongly (many-LUT bootstraps with
 *                             their own failure probability)
 * @param evaluationKeyBytes   bootstrap and keyswitch keys (Fourier form), 0 without bootstraps
 * @param inputCiphertextBytes the encrypted arguments of one evaluation
 * @param memory               what key generation, key loading and evaluation need in memory, before they start
 * @param rangeNarrowing       whether the inputset narrowed the arguments' known ranges ({@link RangeNarrowing#used()}),
 *                             and the nodes it affected
 * @param partitions           the partitions of a multi-parameter circuit (each with its bootstraps per evaluation,
 *                             precision, parameter set and nodes), empty with one parameter set
 */
public record CircuitStatistics(long bootstrapCount, long keyswitchCount, int maximumBitWidth, int encodingBits,
        int bootstrapPrecision, double log2GlobalPError, long evaluationKeyBytes, long inputCiphertextBytes,
        CircuitMemory memory, RangeNarrowing rangeNarrowing, java.util.List<CircuitParameters.Partition> partitions) {

    /** The statistics of a circuit with one parameter set. */
    public CircuitStatistics(long bootstrapCount, long keyswitchCount, int maximumBitWidth, int encodingBits,
            int bootstrapPrecision, double log2GlobalPError, long evaluationKeyBytes, long inputCiphertextBytes,
            CircuitMemory memory, RangeNarrowing rangeNarrowing) {
        this(bootstrapCount, keyswitchCount, maximumBitWidth, encodingBits, bootstrapPrecision, log2GlobalPError,
                evaluationKeyBytes, inputCiphertextBytes, memory, rangeNarrowing, java.util.List.of());
    }

    /** The statistics without a range report: the signature before range narrowing existed. */
    public CircuitStatistics(long bootstrapCount, long keyswitchCount, int maximumBitWidth, int encodingBits,
            int bootstrapPrecision, double log2GlobalPError, long evaluationKeyBytes, long inputCiphertextBytes,
            CircuitMemory memory) {
        this(bootstrapCount, keyswitchCount, maximumBitWidth, encodingBits, bootstrapPrecision, log2GlobalPError,
                evaluationKeyBytes, inputCiphertextBytes, memory, RangeNarrowing.NONE);
    }

    static CircuitStatistics of(Graph graph, CircuitParameters parameters, RangeNarrowing narrowing) {
        CircuitStatistics s = of(graph, parameters);
        return new CircuitStatistics(s.bootstrapCount, s.keyswitchCount, s.maximumBitWidth, s.encodingBits,
                s.bootstrapPrecision, s.log2GlobalPError, s.evaluationKeyBytes, s.inputCiphertextBytes, s.memory,
                narrowing, s.partitions);
    }

    /** The statistics of a circuit whose lookups share many-LUT bootstraps as {@code manyLut} says. */
    static CircuitStatistics of(Graph graph, CircuitParameters parameters, RangeNarrowing narrowing,
            ManyLutFusion manyLut) {
        CircuitStatistics s = of(graph, parameters, narrowing);
        if (manyLut.isEmpty() || !(parameters instanceof CircuitParameters.Bootstrapped b)) {
            return s;
        }
        long count = manyLut.bootstrapCount(b);
        return new CircuitStatistics(count, count, s.maximumBitWidth, s.encodingBits, s.bootstrapPrecision,
                manyLut.log2GlobalPError(b), s.evaluationKeyBytes, s.inputCiphertextBytes, s.memory, narrowing);
    }

    static CircuitStatistics of(Graph graph, CircuitParameters parameters) {
        long encryptedInputs = graph.inputs().stream().filter(Node::isEncrypted).mapToLong(n -> n.shape().size()).sum();
        CircuitMemory memory = CircuitMemory.of(graph, parameters);
        return switch (parameters) {
            case null -> new CircuitStatistics(0, 0, graph.maximumIntegerBitWidth(), 0, 0, Double.NEGATIVE_INFINITY,
                    0, 0, memory);
            case CircuitParameters.Leveled leveled -> new CircuitStatistics(0, 0, graph.maximumIntegerBitWidth(),
                    leveled.encodingBits(), 0, log2Repeat(leveled.log2PError(), outputElements(graph)), 0,
                    encryptedInputs * leveled.lwe().ciphertextBytes(), memory);
            case CircuitParameters.Bootstrapped b -> new CircuitStatistics(b.bootstrapCount(), b.bootstrapCount(),
                    graph.maximumIntegerBitWidth(), b.encodingBits(), b.pbsPrecision(),
                    Math.log(b.globalPError()) / Math.log(2), evaluationKeyBytes(b),
                    encryptedInputs * (b.pbs().glweDimension() * (long) b.pbs().polynomialSize() + 1) * Long.BYTES,
                    memory, RangeNarrowing.NONE, b.partitions());
        };
    }

    /** Every partition's bootstrap and keyswitch keys. */
    private static long evaluationKeyBytes(CircuitParameters.Bootstrapped b) {
        long bytes = 0;
        for (int i = 0; i < b.partitionCount(); i++) {
            bytes += b.pbs(i).bootstrapKeyBytes() + b.pbs(i).keyswitchKeyBytes();
        }
        return bytes;
    }

    /** Whether the circuit's bootstraps run with several parameter sets. */
    public boolean multiParameter() {
        return !partitions.isEmpty();
    }

    private static long outputElements(Graph graph) {
        return graph.outputs().stream().filter(Node::isEncrypted).mapToLong(n -> n.shape().size()).sum();
    }

    /** log2 of the probability that one of {@code count} outputs fails, each with probability 2^log2p. */
    private static double log2Repeat(double log2p, long count) {
        double p = Math.pow(2, log2p);
        return p == 0 ? log2p + Math.log(Math.max(1, count)) / Math.log(2)
                : Math.log(org.fheml.tfhe.optimizer.FailureProbability.repeat(p, Math.max(1, count))) / Math.log(2);
    }
}

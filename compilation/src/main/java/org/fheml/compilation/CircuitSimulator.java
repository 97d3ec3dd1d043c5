package org.fheml.compilation;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Evaluates a circuit on plain integers through the lowering that encrypted execution uses: every lookup computes
 * the message its bootstrap would read (shift, scale, the bootstrap's own rounding of absorbed low bits) and reads
 * the same table, negacyclic wrap-around included. With a random source, each bootstrap is off by one message with
 * the failure probability of the circuit's parameters (of its partition's, in a multi-parameter circuit), as
 * Concrete's graph-level simulation does. Lookup elements that share a many-LUT bootstrap ({@link ManyLutFusion})
 * share its failure: drawn once, with that bootstrap's own probability, it moves the message of every one of them.
 *
 * <p>Wrapping (for {@link InputRangeCheck#UNCHECKED} circuits, whose arguments may leave the compiled bounds): every
 * encrypted value is computed as encrypted execution computes it, modulo the encoding's 2^(bits + 1) (its values
 * and its padding bit) with 64-bit wrapping arithmetic, and decoded to [−2^bits, 2^bits); lookups and bit
 * extractions then read that value through their lowering, negacyclic wrap-around included. Within the bounds it
 * changes nothing.
 */
final class CircuitSimulator {

    private final Graph graph;
    /** Null for a circuit without bootstraps (which only a wrapping simulation runs). */
    private final CircuitParameters.Bootstrapped parameters;
    private final boolean wrapping;
    private final CircuitEncoding encoding;
    private final Set<Node> absorbed;
    private final ManyLutFusion manyLut;
    /** The failure probability of a bootstrap of one function at the circuit's precision (0 without bootstraps). */
    private final double pError;
    /** Per lookup node: its lowering and its torus tables (one per element, shared ones by reference). */
    private final Map<Node, LookupLowering> lowerings = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Node, long[][]> tables = new java.util.concurrent.ConcurrentHashMap<>();

    CircuitSimulator(Graph graph, CircuitParameters.Bootstrapped parameters) {
        this(graph, parameters, false);
    }

    CircuitSimulator(Graph graph, CircuitParameters parameters, boolean wrapping) {
        this(graph, parameters, wrapping, ManyLutFusion.NONE);
    }

    CircuitSimulator(Graph graph, CircuitParameters parameters, boolean wrapping, ManyLutFusion manyLut) {
        this.manyLut = manyLut;
        this.graph = graph;
        this.parameters = parameters instanceof CircuitParameters.Bootstrapped b ? b : null;
        this.wrapping = wrapping;
        this.encoding = new CircuitEncoding(parameters.encodingBits());
        this.absorbed = CiphertextEvaluator.absorbedRoundings(graph);
        this.pError = singlePError(this.parameters);
    }

    /**
     * The parameters' p_error, or, on parameters chosen wider than the lookups' precision to hold many-LUT
     * bootstraps, that of a single bootstrap at the lookups' precision.
     */
    private static double singlePError(CircuitParameters.Bootstrapped parameters) {
        if (parameters == null) {
            return 0;
        }
        if (parameters.pbs().precision() == parameters.pbsPrecision()) {
            return parameters.pbs().pError();
        }
        return Math.pow(2, org.fheml.tfhe.optimizer.ManyLutNoise.log2PError(parameters.pbs(),
                parameters.pbsPrecision(), 0));
    }

    /** The failure probability of one bootstrap of {@code partition} (its own set's in a multi-parameter circuit). */
    private double pError(int partition) {
        return parameters.partitioned() ? parameters.pbs(partition).pError() : pError;
    }

    /** The outputs; {@code errors} draws bootstrap failures, or null for none. */
    List<LongTensor> run(List<LongTensor> arguments, RandomGenerator errors) {
        Map<Node, LongTensor> values = new IdentityHashMap<>();
        Map<ManyLutFusion.Bootstrap, Long> sharedErrors = new IdentityHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            Node input = graph.inputs().get(i);
            values.put(input, wrapped(input, arguments.get(i)));
        }
        for (Node node : graph.nodes()) {
            if (values.containsKey(node) || absorbed.contains(node)) {
                continue;
            }
            LongTensor value;
            if (LookupLowering.isLookup(node)) {
                value = lookup(node, values, errors, sharedErrors);
            } else if (BitExtraction.isExtraction(node)) {
                value = extract(BitExtraction.of(graph, node), values.get(node.operands().getFirst()), errors);
            } else if ((errors != null || wrapping) && node.op() instanceof Op.AssumeRange) {
                // A failed bootstrap (or an unchecked input) can carry a value out of its declared range, as on
                // ciphertexts: no check.
                value = values.get(node.operands().getFirst());
            } else if (wrapping && node.isEncrypted()) {
                value = WrappingArithmetic.apply(node, node.operands().stream().map(values::get).toList());
            } else {
                value = GraphEvaluator.apply(node, node.operands().stream().map(values::get).toList());
            }
            values.put(node, wrapped(node, value));
        }
        return graph.outputs().stream().map(values::get).toList();
    }

    /** An encrypted value as encrypted execution holds it, when wrapping: its residue in [−2^bits, 2^bits). */
    private LongTensor wrapped(Node node, LongTensor value) {
        if (!wrapping || !node.isEncrypted()) {
            return value;
        }
        int shift = 63 - encoding.bits();
        return value.map(v -> (v << shift) >> shift);
    }

    private LongTensor lookup(Node node, Map<Node, LongTensor> values, RandomGenerator errors,
            Map<ManyLutFusion.Bootstrap, Long> sharedErrors) {
        LookupLowering lowering = lowerings.computeIfAbsent(node, n -> LookupLowering.of(graph, n));
        LongTensor source = values.get(lowering.source());
        int partition = parameters.partitionOf(graph.position(node));
        int precision = parameters.precision(partition);
        int scaleLog = lowering.scaleLog(encoding.bits(), precision);
        long messages = 1L << precision;
        double pError = pError(partition);
        long[] out = new long[source.size()];
        long[][] nodeTables = tables.computeIfAbsent(node, n -> CiphertextEvaluator.torusTables(graph, n, parameters));
        for (int e = 0; e < out.length; e++) {
            long u = source.get(e) - lowering.lowest();
            long message = scaleLog >= 0
                    ? roundedShift(u, lowering.lowBits())
                    : roundedShift(u, encoding.bits() - precision);
            ManyLutFusion.Bootstrap shared = manyLut.bootstrap(node, e);
            if (errors != null && shared != null) {
                message += sharedErrors.computeIfAbsent(shared, b -> drawn(errors, Math.pow(2, b.log2PError())));
            } else if (errors != null) {
                message += drawn(errors, pError);
            }
            long[] table = nodeTables[e];
            long wrapped = Math.floorMod(message, 2 * messages);
            long torus = wrapped < messages ? table[(int) wrapped] : -table[(int) (wrapped - messages)];
            out[e] = encoding.decode(torus);
        }
        return LongTensor.of(node.shape(), out);
    }

    /** Exact rounding or truncation; with errors, each of its bootstraps fails with the parameters' p_error. */
    private LongTensor extract(BitExtraction extraction, LongTensor source, RandomGenerator errors) {
        double pError = pError(parameters.partitionOf(graph.position(extraction.node())));
        int precision = parameters.pbsPrecision();
        return source.map(y -> extraction.apply(y, precision, encoding.bits(), errors, pError));
    }

    /** A bootstrap's error: one message up or down with probability {@code pError}, else none. */
    private static long drawn(RandomGenerator errors, double pError) {
        return errors.nextDouble() < pError ? (errors.nextBoolean() ? 1 : -1) : 0;
    }

    /** round(value / 2^bits), ties upwards, as a bootstrap rounds a phase to its nearest message. */
    private static long roundedShift(long value, int bits) {
        return bits == 0 ? value : (value + (1L << (bits - 1))) >> bits;
    }
}

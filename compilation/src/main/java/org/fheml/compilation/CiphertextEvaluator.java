package org.fheml.compilation;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.fheml.tfhe.algorithms.BatchBootstrap;
import org.fheml.tfhe.algorithms.LookupTables;
import org.fheml.tfhe.algorithms.LweEncryption;
import org.fheml.tfhe.algorithms.LweLinearAlgebra;
import org.fheml.tfhe.algorithms.ModulusSwitchType;
import org.fheml.tfhe.algorithms.SplitBootstrap;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.params.LweDimension;

/**
 * Runs a graph on ciphertexts: clear nodes are computed in the clear, encrypted ones with the runtime's leveled
 * operations. Element rearrangements (reshape, transpose, slice, index, concatenate) move ciphertexts by indices
 * computed with the clear tensor code on tensors of element positions. Lookups run as KS-PBS bootstraps (see
 * {@link LookupLowering}), batched over the circuit's threads; lookup elements that share a many-LUT bootstrap
 * ({@link ManyLutFusion}) get theirs from one. It needs no secret key: only the server key.
 *
 * <p>Thread-safe: every lookup's tables, lowering and sign tables are built once, from the graph (or the tables a
 * specification ships), when the evaluator is created; afterwards it only reads them. Each evaluation keeps its
 * values and ciphertext buffers to itself, and the batch bootstrap lends each running task its own scratch.
 * Requests are validated ({@link RequestValidator}) before anything is evaluated. {@link #close()} stops the
 * bootstrap threads.
 */
final class CiphertextEvaluator implements AutoCloseable {

    private final Graph graph;
    private final CircuitEncoding encoding;
    private final LweDimension dimension;
    private final CircuitParameters.Bootstrapped bootstrapped;
    /** One per partition (one for a single parameter set); null for a circuit without bootstraps. */
    private final BatchBootstrap[] bootstraps;
    /** The partition of every bootstrap node (lookups, extractions): whose keys and precision it runs with. */
    private final Map<Node, Integer> partitions;
    /**
     * Per partition, the bootstrap a batch leaves over, split across the threads (see {@link #bootstrap}); null on
     * one thread.
     */
    private final SplitBootstrap[] splits;
    /** Held by the one evaluation using {@link #splits}: a split bootstrap runs one bootstrap at a time. */
    private final ReentrantLock splitLock = new ReentrantLock();
    private final RequestValidator validator;
    /** Every encrypted lookup's lowering and (with bootstraps) its tables, one per element: read-only. */
    private final Map<Node, LookupLowering> lowerings;
    private final Map<Node, LookupTable[]> tables;
    /** Bit j's sign table for exact roundings and truncations, for every j an extraction reads: read-only. */
    private final LookupTable[] signTables;
    /** The second table of each two-step chunk an extraction reads, by {@link #chunkKey}: read-only. */
    private final Map<Integer, LookupTable> chunkTables;
    /** Approximate roundings whose every reader is a lookup that absorbs them: never computed on ciphertexts. */
    private final java.util.Set<Node> skipped;
    /** Lookup elements that share bootstraps, and each shared bootstrap's accumulator: read-only. */
    private final ManyLutFusion manyLut;
    private final Map<ManyLutFusion.Bootstrap, LookupTable> manyLutTables;

    private CiphertextEvaluator(Graph graph, CircuitEncoding encoding, LweDimension dimension,
            CircuitParameters.Bootstrapped bootstrapped, BatchBootstrap[] bootstraps, SplitBootstrap[] splits,
            Map<Node, long[][]> shippedTables, ManyLutFusion manyLut) {
        this.graph = graph;
        this.manyLut = bootstrapped == null ? ManyLutFusion.NONE : manyLut;
        this.encoding = encoding;
        this.dimension = dimension;
        this.bootstrapped = bootstrapped;
        this.bootstraps = bootstraps;
        this.splits = splits;
        this.validator = new RequestValidator(graph, dimension);
        this.skipped = absorbedRoundings(graph);
        Map<Node, LookupLowering> lowered = new IdentityHashMap<>();
        Map<Node, LookupTable[]> tabulated = new IdentityHashMap<>();
        int extractedBits = 0;
        Map<Integer, LookupTable> chunked = new java.util.HashMap<>();
        Map<Node, Integer> partitioned = new IdentityHashMap<>();
        for (Node node : graph.nodes()) {
            if (bootstrapped != null && bootstrapped.partitioned()
                    && (LookupLowering.isLookup(node) || BitExtraction.isExtraction(node))) {
                partitioned.put(node, bootstrapped.partitionOf(graph.position(node)));
            }
            if (LookupLowering.isLookup(node)) {
                LookupLowering lowering = LookupLowering.of(graph, node);
                lowered.put(node, lowering);
                if (bootstrapped != null) {
                    tabulated.put(node, tablesOf(lowering, shippedTables));
                }
            } else if (bootstrapped != null && BitExtraction.isExtraction(node) && !skipped.contains(node)) {
                for (BitExtraction.Chunk chunk : BitExtraction.of(graph, node).chunks(bootstrapped.pbsPrecision(),
                        encoding.bits())) {
                    if (chunk.twoStep()) {
                        extractedBits = Math.max(extractedBits, chunk.start() + bootstrapped.pbsPrecision() + 1);
                        chunked.computeIfAbsent(chunkKey(chunk), key -> chunkTableOf(chunk));
                    } else {
                        extractedBits = Math.max(extractedBits, chunk.start() + 1);
                    }
                }
            }
        }
        this.chunkTables = java.util.Collections.unmodifiableMap(chunked);
        this.partitions = java.util.Collections.unmodifiableMap(partitioned);
        this.lowerings = java.util.Collections.unmodifiableMap(lowered);
        this.tables = java.util.Collections.unmodifiableMap(tabulated);
        this.manyLutTables = manyLutTablesOf(this.manyLut, shippedTables);
        this.signTables = new LookupTable[extractedBits];
        for (int bit = 0; bit < extractedBits; bit++) {
            signTables[bit] = signTableOf(bit);
        }
    }

    static java.util.Set<Node> absorbedRoundings(Graph graph) {
        java.util.Set<Node> readByOthers = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.Set<Node> absorbed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node node : graph.nodes()) {
            for (Node operand : node.operands()) {
                boolean absorbs = LookupLowering.isLookup(node) && LookupLowering.of(graph, node).fused();
                (absorbs ? absorbed : readByOthers).add(operand);
            }
        }
        absorbed.removeAll(readByOthers);
        absorbed.removeAll(graph.outputs());
        return absorbed;
    }

    static CiphertextEvaluator create(Graph graph, CircuitParameters parameters, ServerKey serverKey, int threads) {
        return create(graph, parameters, serverKey, threads, null);
    }

    /** @param shippedTables every encrypted lookup's torus tables, for an evaluator built from a specification */
    static CiphertextEvaluator create(Graph graph, CircuitParameters parameters, ServerKey serverKey, int threads,
            Map<Node, long[][]> shippedTables) {
        return create(graph, parameters, serverKey == null ? List.of() : List.of(serverKey), threads, shippedTables,
                ManyLutFusion.NONE);
    }

    /**
     * @param serverKeys    one per partition of the circuit's bootstraps, in partition order (one for a single
     *                      parameter set, none for a circuit without bootstraps)
     * @param shippedTables every encrypted lookup's torus tables, for an evaluator built from a specification, or null
     * @param manyLut       the lookup elements that share many-LUT bootstraps (only in a circuit of one parameter set)
     */
    static CiphertextEvaluator create(Graph graph, CircuitParameters parameters, List<ServerKey> serverKeys,
            int threads, Map<Node, long[][]> shippedTables, ManyLutFusion manyLut) {
        CircuitEncoding encoding = new CircuitEncoding(parameters.encodingBits());
        return switch (parameters) {
            case CircuitParameters.Leveled leveled -> new CiphertextEvaluator(graph, encoding,
                    new LweDimension(leveled.lwe().lweDimension()), null, null, null, shippedTables, manyLut);
            case CircuitParameters.Bootstrapped b -> {
                if (serverKeys.size() != b.partitionCount()) {
                    throw new IllegalArgumentException("The circuit bootstraps with " + b.partitionCount()
                            + " parameter set(s), got " + serverKeys.size() + " server key(s).");
                }
                if (b.partitioned() && !manyLut.isEmpty()) {
                    throw new IllegalArgumentException("A multi-parameter circuit does not share many-LUT bootstraps.");
                }
                BatchBootstrap[] batches = new BatchBootstrap[serverKeys.size()];
                SplitBootstrap[] splits = threads > 1 ? new SplitBootstrap[serverKeys.size()] : null;
                for (int i = 0; i < batches.length; i++) {
                    ModulusSwitchType modulusSwitch = b.pbs(i).centeredModulusSwitch() ? ModulusSwitchType.CENTERED_MEAN
                            : ModulusSwitchType.PLAIN;
                    batches[i] = new BatchBootstrap(serverKeys.get(i), threads, modulusSwitch);
                    if (splits != null) {
                        splits[i] = new SplitBootstrap(serverKeys.get(i), threads, modulusSwitch);
                    }
                }
                yield new CiphertextEvaluator(graph, encoding, serverKeys.getFirst().parameters().bigLweDimension(), b,
                        batches, splits, shippedTables, manyLut);
            }
        };
    }

    /**
     * out[i] = PBS(in[i]) through luts[i], for every i: a batch spread over the threads, except that when one
     * bootstrap is left over after the others divide evenly among the threads (a single lookup, the last of an odd
     * count on two threads), it runs after them split across the threads ({@link SplitBootstrap}, which falls back
     * to one thread when it measures that faster), so that no core waits idle while one bootstraps alone. Each
     * output is the same, bit for bit, either way; {@code partition} names whose keys run them. An evaluation that finds the split bootstrap busy (another
     * evaluation at once) batches everything, which keeps the cores busy anyway.
     */
    private void bootstrap(int partition, LweCiphertextList in, LweCiphertextList out, LookupTable[] luts) {
        BatchBootstrap batch = bootstraps[partition];
        int count = in.count();
        if (splits == null || count % batch.threads() != 1 || !splitLock.tryLock()) {
            batch.bootstrap(in, out, luts);
            return;
        }
        try {
            int last = count - 1;
            if (last > 0) {
                batch.bootstrap(in, out, luts, 0, last);
            }
            splits[partition].bootstrap(in.get(last), out.get(last), luts[last]);
        } finally {
            splitLock.unlock();
        }
    }

    /** The torus tables of one lookup node, one per element (shared ones repeated by reference). */
    static long[][] torusTables(Graph graph, Node node, CircuitParameters.Bootstrapped parameters) {
        LookupLowering lowering = LookupLowering.of(graph, node);
        CircuitEncoding encoding = new CircuitEncoding(parameters.encodingBits());
        int size = node.shape().size();
        long[][] tables = new long[size][];
        int precision = parameters.precision(parameters.partitionOf(graph.position(node)));
        for (int e = 0; e < size; e++) {
            tables[e] = lowering.sharedTable() && e > 0 ? tables[0]
                    : lowering.torusTable(e, precision, encoding);
        }
        return tables;
    }

    /** The outputs of one evaluation, each an {@link EncryptedTensor} or, for a clear output, a {@link LongTensor}. */
    List<Object> run(List<Object> arguments) {
        return runBatch(List.of(arguments)).getFirst();
    }

    /**
     * Evaluates several argument lists in waves: every node whose operands are ready and that needs no table lookup,
     * then every ready lookup of every row at once, in one batch of bootstraps spread over the threads, so that
     * independent lookups of a layer, and the rows of a batch, run in parallel.
     */
    List<List<Object>> runBatch(List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        rows.forEach(validator::check);
        List<Map<Node, Object>> values = new java.util.ArrayList<>();
        for (List<Object> arguments : rows) {
            Map<Node, Object> row = new IdentityHashMap<>();
            for (int i = 0; i < arguments.size(); i++) {
                row.put(graph.inputs().get(i), arguments.get(i));
            }
            values.add(row);
        }
        Map<Node, Object> first = values.getFirst();
        List<Node> pending = new java.util.ArrayList<>();
        for (Node node : graph.nodes()) {
            if (!first.containsKey(node) && !(node.isEncrypted() && skipped.contains(node))) {
                pending.add(node);
            }
        }
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (java.util.Iterator<Node> it = pending.iterator(); it.hasNext(); ) {
                Node node = it.next();
                if (LookupLowering.isLookup(node) || !ready(node, first)) {
                    continue;
                }
                if (BitExtraction.isExtraction(node)) {
                    List<EncryptedTensor> inputs = values.stream()
                            .map(row -> (EncryptedTensor) row.get(node.operands().getFirst())).toList();
                    List<EncryptedTensor> outputs = extract(BitExtraction.of(graph, node), inputs);
                    for (int r = 0; r < values.size(); r++) {
                        values.get(r).put(node, outputs.get(r));
                    }
                } else {
                    for (Map<Node, Object> row : values) {
                        List<Object> in = node.operands().stream().map(row::get).toList();
                        row.put(node, node.isEncrypted() ? encrypted(node, in, row)
                                : GraphEvaluator.apply(node, clear(in)));
                    }
                }
                it.remove();
                progress = true;
            }
            List<Node> lookups = pending.stream().filter(n -> LookupLowering.isLookup(n) && ready(n, first)).toList();
            if (!lookups.isEmpty()) {
                for (int partition = 0; partition < bootstraps.length; partition++) {
                    final int p = partition;
                    List<Node> own = lookups.stream().filter(n -> partition(n) == p).toList();
                    if (!own.isEmpty()) {
                        lookups(own, values);
                    }
                }
                pending.removeAll(lookups);
                progress = true;
            }
            if (!progress) {
                throw new IllegalStateException("No node of the circuit can be evaluated: " + pending);
            }
        }
        return values.stream().map(row -> graph.outputs().stream().map(row::get).toList()).toList();
    }

    /** The partition whose keys and precision a bootstrap node runs with (0 with a single parameter set). */
    private int partition(Node node) {
        Integer partition = partitions.get(node);
        return partition == null ? 0 : partition;
    }

    /** A lookup's lowering, worked out once from the graph's bounds. */
    private LookupLowering lowering(Node node) {
        return lowerings.get(node);
    }

    /** Stops the bootstrap threads; evaluations after this fail. Idempotent. */
    @Override
    public void close() {
        if (bootstraps != null) {
            for (BatchBootstrap batch : bootstraps) {
                batch.close();
            }
        }
        if (splits != null) {
            for (SplitBootstrap split : splits) {
                split.close();
            }
        }
    }

    /** Whether every value a node reads (for a lookup, its source) has been computed. */
    private boolean ready(Node node, Map<Node, Object> values) {
        if (LookupLowering.isLookup(node)) {
            return values.containsKey(lowering(node).source());
        }
        return node.operands().stream().allMatch(values::containsKey);
    }

    /** Several lookups of several rows in one batch: their inputs side by side, each element with its table. */
    private void lookups(List<Node> nodes, List<Map<Node, Object>> rows) {
        if (!manyLut.isEmpty()) {
            manyLutLookups(nodes, rows);
            return;
        }
        int perRow = nodes.stream().mapToInt(n -> n.shape().size()).sum();
        int total = perRow * rows.size();
        LweCiphertextList shifted = new LweCiphertextList(dimension, total);
        LookupTable[] luts = new LookupTable[total];
        int position = 0;
        for (Map<Node, Object> values : rows) {
            for (Node node : nodes) {
                LookupLowering lowering = lowering(node);
                EncryptedTensor input = (EncryptedTensor) values.get(lowering.source());
                long scale = 1L << Math.max(0, lowering.scaleLog(encoding.bits(),
                        bootstrapped.precision(partition(node))));
                long shift = encoding.encode(-lowering.lowest());
                int size = input.shape().size();
                LookupTable[] nodeTables = tables.get(node);
                for (int e = 0; e < size; e++) {
                    LweCiphertext target = shifted.get(position + e);
                    input.ciphertexts().get(e).copyTo(target);
                    LweLinearAlgebra.addPlaintext(target, shift);
                    LweLinearAlgebra.multiply(target, scale, target);
                    luts[position + e] = nodeTables[e];
                }
                position += size;
            }
        }
        LweCiphertextList outputs = new LweCiphertextList(dimension, total);
        bootstrap(partition(nodes.getFirst()), shifted, outputs, luts);
        position = 0;
        for (Map<Node, Object> values : rows) {
            for (Node node : nodes) {
                EncryptedTensor out = empty(node.shape());
                for (int e = 0; e < out.shape().size(); e++) {
                    outputs.get(position + e).copyTo(out.ciphertexts().get(e));
                }
                position += out.shape().size();
                values.put(node, out);
            }
        }
    }

    /**
     * {@link #lookups} with many-LUT bootstraps: each shared bootstrap reads its source element once and its outputs
     * go to every member; the other elements run alone, as there. Every member of a shared bootstrap reads the same
     * source, so all of them are ready in the same wave.
     */
    private void manyLutLookups(List<Node> nodes, List<Map<Node, Object>> rows) {
        int perRow = 0;
        for (Node node : nodes) {
            for (int e = 0; e < node.shape().size(); e++) {
                if (manyLut.bootstrap(node, e) == null || manyLut.slot(node, e) == 0) {
                    perRow++;
                }
            }
        }
        LweCiphertextList shifted = new LweCiphertextList(dimension, perRow * rows.size());
        LookupTable[] luts = new LookupTable[shifted.count()];
        int[] log2Functions = new int[shifted.count()];
        List<Map<Node, int[]>> outputIndex = new ArrayList<>();
        int position = 0;
        int output = 0;
        for (Map<Node, Object> values : rows) {
            Map<Node, int[]> index = new IdentityHashMap<>();
            Map<ManyLutFusion.Bootstrap, Integer> firstOutput = new IdentityHashMap<>();
            for (Node node : nodes) {
                LookupLowering lowering = lowering(node);
                EncryptedTensor input = (EncryptedTensor) values.get(lowering.source());
                long scale = 1L << Math.max(0, lowering.scaleLog(encoding.bits(), bootstrapped.pbsPrecision()));
                long shift = encoding.encode(-lowering.lowest());
                LookupTable[] nodeTables = tables.get(node);
                int[] nodeIndex = new int[node.shape().size()];
                index.put(node, nodeIndex);
                for (int e = 0; e < nodeIndex.length; e++) {
                    ManyLutFusion.Bootstrap shared = manyLut.bootstrap(node, e);
                    if (shared != null && manyLut.slot(node, e) != 0) {
                        continue;
                    }
                    LweCiphertext target = shifted.get(position);
                    input.ciphertexts().get(shared == null ? e : shared.sourceElement()).copyTo(target);
                    LweLinearAlgebra.addPlaintext(target, shift);
                    LweLinearAlgebra.multiply(target, scale, target);
                    luts[position] = shared == null ? nodeTables[e] : manyLutTables.get(shared);
                    log2Functions[position] = shared == null ? 0 : shared.log2Functions();
                    if (shared != null) {
                        firstOutput.put(shared, output);
                    }
                    nodeIndex[e] = output;
                    output += 1 << log2Functions[position];
                    position++;
                }
            }
            for (Node node : nodes) {
                int[] nodeIndex = index.get(node);
                for (int e = 0; e < nodeIndex.length; e++) {
                    ManyLutFusion.Bootstrap shared = manyLut.bootstrap(node, e);
                    if (shared != null) {
                        nodeIndex[e] = firstOutput.get(shared) + manyLut.slot(node, e);
                    }
                }
            }
            outputIndex.add(index);
        }
        LweCiphertextList outputs = new LweCiphertextList(dimension, output);
        bootstraps[0].bootstrap(shifted, outputs, luts, log2Functions);
        for (int r = 0; r < rows.size(); r++) {
            for (Node node : nodes) {
                int[] nodeIndex = outputIndex.get(r).get(node);
                EncryptedTensor out = empty(node.shape());
                for (int e = 0; e < nodeIndex.length; e++) {
                    outputs.get(nodeIndex[e]).copyTo(out.ciphertexts().get(e));
                }
                rows.get(r).put(node, out);
            }
        }
    }

    /**
     * Each shared bootstrap's accumulator: its members' torus tables interleaved, the slots past the members
     * repeating the first member's.
     */
    private Map<ManyLutFusion.Bootstrap, LookupTable> manyLutTablesOf(ManyLutFusion fusion,
            Map<Node, long[][]> shippedTables) {
        Map<ManyLutFusion.Bootstrap, LookupTable> accumulators = new IdentityHashMap<>();
        Map<Node, long[][]> torus = new IdentityHashMap<>();
        for (ManyLutFusion.Bootstrap shared : fusion.bootstraps()) {
            long[][] functions = new long[1 << shared.log2Functions()][];
            for (int j = 0; j < functions.length; j++) {
                ManyLutFusion.Member member = shared.members().get(j < shared.members().size() ? j : 0);
                functions[j] = torus.computeIfAbsent(member.node(), n -> shippedTables != null ? shippedTables.get(n)
                        : torusTables(graph, n, bootstrapped))[member.element()];
            }
            accumulators.put(shared, org.fheml.tfhe.algorithms.ManyLutBootstrap.accumulator(
                    new org.fheml.tfhe.params.PolynomialSize(bootstrapped.pbs().polynomialSize()),
                    new Encoding(bootstrapped.pbsPrecision()), functions));
        }
        return java.util.Collections.unmodifiableMap(accumulators);
    }

    private static List<LongTensor> clear(List<Object> values) {
        return values.stream().map(v -> (LongTensor) v).toList();
    }

    private EncryptedTensor encrypted(Node node, List<Object> in, Map<Node, Object> values) {
        Shape shape = node.shape();
        return switch (node.op()) {
            case Op.Input input -> throw new IllegalStateException("Input " + input.name() + " has no value.");
            case Op.Constant constant -> throw new IllegalStateException("A constant is never encrypted.");
            case Op.Add add -> combine(shape, in.get(0), in.get(1), false);
            case Op.Subtract subtract -> combine(shape, in.get(0), in.get(1), true);
            case Op.Negate negate -> scale(shape, (EncryptedTensor) in.getFirst(), LongTensor.scalar(-1));
            case Op.Multiply multiply -> in.get(0) instanceof EncryptedTensor e
                    ? scale(shape, e, (LongTensor) in.get(1))
                    : scale(shape, (EncryptedTensor) in.get(1), (LongTensor) in.get(0));
            case Op.MatMul matmul -> matmul(shape, in.get(0), in.get(1));
            case Op.Sum sum -> sum((EncryptedTensor) in.getFirst(), sum.axis(), shape);
            case Op.Reshape reshape -> new EncryptedTensor(shape, ((EncryptedTensor) in.getFirst()).ciphertexts());
            case Op.Transpose transpose -> gather(shape, in.getFirst(), positions(in.getFirst()).transpose(transpose.axes()));
            case Op.Slice slice -> gather(shape, in.getFirst(),
                    positions(in.getFirst()).slice(slice.start(), slice.stop(), slice.step()));
            case Op.Index index -> gather(shape, in.getFirst(), positions(in.getFirst()).index(index.index()));
            case Op.Concatenate concatenate -> concatenate(shape, in, concatenate.axis());
            case Op.Lookup lookup -> throw new IllegalStateException("Lookups run in batches.");
            case Op.Apply apply -> throw new IllegalStateException("Lookups run in batches.");
            case Op.RoundBitPattern round -> extract(BitExtraction.of(graph, node), List.of((EncryptedTensor) in.getFirst()))
                    .getFirst();
            case Op.TruncateBitPattern truncate -> extract(BitExtraction.of(graph, node),
                    List.of((EncryptedTensor) in.getFirst())).getFirst();
            case Op.AssumeRange assumed -> (EncryptedTensor) in.getFirst();
        };
    }

    /**
     * The exact rounding or truncation of every element of every row, chunk by chunk (see {@link BitExtraction}):
     * each bootstrap step runs the elements of all rows in one batch.
     */
    private List<EncryptedTensor> extract(BitExtraction extraction, List<EncryptedTensor> inputs) {
        int size = inputs.getFirst().shape().size();
        int total = size * inputs.size();
        LweCiphertextList t = new LweCiphertextList(dimension, total);
        for (int r = 0; r < inputs.size(); r++) {
            for (int e = 0; e < size; e++) {
                LweCiphertext target = t.get(r * size + e);
                inputs.get(r).ciphertexts().get(e).copyTo(target);
                LweLinearAlgebra.addPlaintext(target, encoding.encode(extraction.offset()));
            }
        }
        int precision = bootstrapped.pbsPrecision();
        int partition = partition(extraction.node());
        LweCiphertextList shifted = new LweCiphertextList(dimension, total);
        LweCiphertextList bits = new LweCiphertextList(dimension, total);
        LookupTable[] luts = new LookupTable[total];
        for (BitExtraction.Chunk chunk : extraction.chunks(precision, encoding.bits())) {
            if (!chunk.twoStep()) {
                int bit = chunk.start();
                long scale = 1L << (encoding.bits() - bit);
                for (int e = 0; e < total; e++) {
                    LweLinearAlgebra.multiply(t.get(e), scale, shifted.get(e));
                    LweLinearAlgebra.addPlaintext(shifted.get(e), 1L << 62);
                }
                java.util.Arrays.fill(luts, signTables[bit]);
                bootstrap(partition, shifted, bits, luts);
                long halfStep = BitExtraction.halfStep(bit, encoding);
                for (int e = 0; e < total; e++) {
                    LweLinearAlgebra.addPlaintext(bits.get(e), halfStep);
                    LweLinearAlgebra.subtract(t.get(e), bits.get(e), t.get(e));
                }
                continue;
            }
            int signBit = chunk.start() + precision;
            long scale = 1L << (encoding.bits() - signBit);
            for (int e = 0; e < total; e++) {
                LweLinearAlgebra.multiply(t.get(e), scale, shifted.get(e));
            }
            java.util.Arrays.fill(luts, signTables[signBit]);
            bootstrap(partition, shifted, bits, luts);
            long halfStep = BitExtraction.halfStep(signBit, encoding);
            for (int e = 0; e < total; e++) {
                LweLinearAlgebra.addPlaintext(bits.get(e), halfStep);
                LweLinearAlgebra.subtract(t.get(e), bits.get(e), shifted.get(e));
                LweLinearAlgebra.multiply(shifted.get(e), scale, shifted.get(e));
            }
            java.util.Arrays.fill(luts, chunkTables.get(chunkKey(chunk)));
            bootstrap(partition, shifted, bits, luts);
            for (int e = 0; e < total; e++) {
                LweLinearAlgebra.subtract(t.get(e), bits.get(e), t.get(e));
            }
        }
        List<EncryptedTensor> outputs = new ArrayList<>();
        for (int r = 0; r < inputs.size(); r++) {
            EncryptedTensor out = empty(inputs.get(r).shape());
            for (int e = 0; e < size; e++) {
                t.get(r * size + e).copyTo(out.ciphertexts().get(e));
                LweLinearAlgebra.addPlaintext(out.ciphertexts().get(e), encoding.encode(extraction.lowest()));
            }
            outputs.add(out);
        }
        return outputs;
    }

    private static int chunkKey(BitExtraction.Chunk chunk) {
        return chunk.start() << 8 | chunk.bits();
    }

    /** A two-step chunk's second table: message m (positive half) holds (m mod 2^c)·2^s. */
    private LookupTable chunkTableOf(BitExtraction.Chunk chunk) {
        long[] values = new long[1 << bootstrapped.pbsPrecision()];
        for (int m = 0; m < values.length; m++) {
            values[m] = encoding.encode(BitExtraction.chunkValue(m, chunk));
        }
        return LookupTables.fromTorusValues(new org.fheml.tfhe.params.PolynomialSize(bootstrapped.pbs().polynomialSize()),
                new Encoding(bootstrapped.pbsPrecision()), values);
    }

    /** Bit j's table: every entry −2^(j−1)·Δ, so that a set top bit comes out as +2^(j−1)·Δ. */
    private LookupTable signTableOf(int bit) {
        long[] values = new long[1 << bootstrapped.pbsPrecision()];
        java.util.Arrays.fill(values, BitExtraction.tableValue(bit, encoding));
        return LookupTables.fromTorusValues(new org.fheml.tfhe.params.PolynomialSize(bootstrapped.pbs().polynomialSize()),
                new Encoding(bootstrapped.pbsPrecision()), values);
    }

    /**
     * A lookup's tables, one per element of its shape, from the specification's shipped torus tables when there are
     * some, or computed from the graph.
     */
    private LookupTable[] tablesOf(LookupLowering lowering, Map<Node, long[][]> shippedTables) {
        Encoding input = new Encoding(bootstrapped.precision(bootstrapped.partitionOf(graph.position(lowering.node()))));
        org.fheml.tfhe.params.PolynomialSize polynomialSize =
                new org.fheml.tfhe.params.PolynomialSize(bootstrapped.pbs().polynomialSize());
        Node node = lowering.node();
        int size = node.shape().size();
        long[][] torus = shippedTables != null ? shippedTables.get(node) : torusTables(graph, node, bootstrapped);
        if (torus == null || torus.length != size) {
            throw new CompilationException("%" + graph.position(node) + " = " + GraphPrinter.expression(graph, node)
                    + " needs " + size + " lookup tables, the specification holds "
                    + (torus == null ? "none" : torus.length) + ": it is damaged.");
        }
        LookupTable[] luts = new LookupTable[size];
        for (int e = 0; e < size; e++) {
            try {
                luts[e] = e > 0 && torus[e] == torus[e - 1] ? luts[e - 1]
                        : LookupTables.fromTorusValues(polynomialSize, input, torus[e]);
            } catch (RuntimeException wrongSize) {
                throw new CompilationException("%" + graph.position(node) + " = "
                        + GraphPrinter.expression(graph, node) + ": table " + e + " does not fit the parameters ("
                        + wrongSize.getMessage() + "): the specification is damaged.");
            }
        }
        return luts;
    }

    private EncryptedTensor empty(Shape shape) {
        return new EncryptedTensor(shape, new LweCiphertextList(dimension, shape.size()));
    }

    /** For each element of a tensor of {@code shape}, its own row-major position. */
    private static LongTensor positions(Object value) {
        Shape shape = value instanceof EncryptedTensor e ? e.shape() : ((LongTensor) value).shape();
        long[] positions = new long[shape.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        return LongTensor.of(shape, positions);
    }

    /** For each element of {@code target}, the position of the element of {@code operand} broadcast onto it. */
    private static LongTensor broadcastPositions(Object operand, Shape target) {
        return positions(operand).zip(LongTensor.of(target, new long[target.size()]), (p, zero) -> p);
    }

    private EncryptedTensor gather(Shape shape, Object source, LongTensor positions) {
        EncryptedTensor from = (EncryptedTensor) source;
        EncryptedTensor out = empty(shape);
        for (int i = 0; i < positions.size(); i++) {
            from.ciphertexts().get((int) positions.get(i)).copyTo(out.ciphertexts().get(i));
        }
        return out;
    }

    /** a ± b, either operand clear or encrypted, broadcast. */
    private EncryptedTensor combine(Shape shape, Object a, Object b, boolean subtract) {
        LongTensor left = broadcastPositions(a, shape);
        LongTensor right = broadcastPositions(b, shape);
        EncryptedTensor out = empty(shape);
        for (int i = 0; i < shape.size(); i++) {
            LweCiphertext target = out.ciphertexts().get(i);
            int l = (int) left.get(i);
            int r = (int) right.get(i);
            if (a instanceof EncryptedTensor ea && b instanceof EncryptedTensor eb) {
                if (subtract) {
                    LweLinearAlgebra.subtract(ea.ciphertexts().get(l), eb.ciphertexts().get(r), target);
                } else {
                    LweLinearAlgebra.add(ea.ciphertexts().get(l), eb.ciphertexts().get(r), target);
                }
            } else if (a instanceof EncryptedTensor ea) {
                ea.ciphertexts().get(l).copyTo(target);
                long constant = ((LongTensor) b).get(r);
                LweLinearAlgebra.addPlaintext(target, encoding.encode(subtract ? -constant : constant));
            } else {
                EncryptedTensor eb = (EncryptedTensor) b;
                LweLinearAlgebra.multiply(eb.ciphertexts().get(r), subtract ? -1 : 1, target);
                LweLinearAlgebra.addPlaintext(target, encoding.encode(((LongTensor) a).get(l)));
            }
        }
        return out;
    }

    private EncryptedTensor scale(Shape shape, EncryptedTensor values, LongTensor factors) {
        LongTensor valuePositions = broadcastPositions(values, shape);
        LongTensor factorPositions = broadcastPositions(factors, shape);
        EncryptedTensor out = empty(shape);
        for (int i = 0; i < shape.size(); i++) {
            LweLinearAlgebra.multiply(values.ciphertexts().get((int) valuePositions.get(i)),
                    factors.get((int) factorPositions.get(i)), out.ciphertexts().get(i));
        }
        return out;
    }

    /**
     * A matrix product of ciphertexts and clear integers as one fused multiply-accumulate over the ciphertexts'
     * words: each output ciphertext is summed in place, term by term, with no temporary ciphertext and no view
     * object per term; zero weights (pruned) cost nothing.
     */
    private EncryptedTensor matmul(Shape shape, Object a, Object b) {
        Shape left = a instanceof EncryptedTensor e ? e.shape() : ((LongTensor) a).shape();
        Shape right = b instanceof EncryptedTensor e ? e.shape() : ((LongTensor) b).shape();
        MatmulShape m = MatmulShape.of(left, right);
        EncryptedTensor out = empty(shape);
        boolean leftEncrypted = a instanceof EncryptedTensor;
        LweCiphertextList inputs = leftEncrypted ? ((EncryptedTensor) a).ciphertexts()
                : ((EncryptedTensor) b).ciphertexts();
        LongTensor weights = leftEncrypted ? (LongTensor) b : (LongTensor) a;
        LweCiphertextList outputs = out.ciphertexts();
        long[] x = inputs.data();
        long[] z = outputs.data();
        int size = dimension.lweSize();
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.columns(); j++) {
                int target = outputs.offsetOf(i * m.columns() + j);
                for (int t = 0; t < m.inner(); t++) {
                    int leftPosition = i * m.inner() + t;
                    int rightPosition = t * m.columns() + j;
                    long weight = weights.get(leftEncrypted ? rightPosition : leftPosition);
                    if (weight == 0) {
                        continue;
                    }
                    int source = inputs.offsetOf(leftEncrypted ? leftPosition : rightPosition);
                    for (int k = 0; k < size; k++) {
                        z[target + k] += weight * x[source + k];
                    }
                }
            }
        }
        return out;
    }

    private EncryptedTensor sum(EncryptedTensor in, Integer axis, Shape shape) {
        EncryptedTensor out = empty(shape);
        int[] dims = in.shape().dims();
        if (axis == null) {
            for (int i = 0; i < in.ciphertexts().count(); i++) {
                LweLinearAlgebra.add(out.ciphertexts().get(0), in.ciphertexts().get(i), out.ciphertexts().get(0));
            }
            return out;
        }
        int inner = 1;
        for (int i = axis + 1; i < dims.length; i++) {
            inner *= dims[i];
        }
        for (int position = 0; position < in.ciphertexts().count(); position++) {
            int outer = position / (dims[axis] * inner);
            int target = outer * inner + position % inner;
            LweLinearAlgebra.add(out.ciphertexts().get(target), in.ciphertexts().get(position),
                    out.ciphertexts().get(target));
        }
        return out;
    }

    /** Clear parts are encrypted trivially (no mask, no noise) so that every element is a ciphertext. */
    private EncryptedTensor concatenate(Shape shape, List<Object> parts, int axis) {
        List<LongTensor> positionParts = new ArrayList<>();
        List<LweCiphertextList> sources = new ArrayList<>();
        int offset = 0;
        for (Object part : parts) {
            EncryptedTensor encrypted = part instanceof EncryptedTensor e ? e : trivial((LongTensor) part);
            final int base = offset;
            positionParts.add(positions(encrypted).map(p -> p + base));
            sources.add(encrypted.ciphertexts());
            offset += encrypted.shape().size();
        }
        LongTensor positions = LongTensor.concatenate(positionParts, axis);
        EncryptedTensor out = empty(shape);
        for (int i = 0; i < positions.size(); i++) {
            int global = (int) positions.get(i);
            int source = 0;
            while (global >= sources.get(source).count()) {
                global -= sources.get(source).count();
                source++;
            }
            sources.get(source).get(global).copyTo(out.ciphertexts().get(i));
        }
        return out;
    }

    private EncryptedTensor trivial(LongTensor values) {
        EncryptedTensor out = empty(values.shape());
        for (int i = 0; i < values.size(); i++) {
            LweEncryption.trivialEncrypt(encoding.encode(values.get(i)), out.ciphertexts().get(i));
        }
        return out;
    }
}

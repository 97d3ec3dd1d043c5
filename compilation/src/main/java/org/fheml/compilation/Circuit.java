package org.fheml.compilation;

import java.util.ArrayList;
import java.util.List;
import org.fheml.tfhe.algorithms.LweEncryption;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.algorithms.KeyGeneration;
import org.fheml.tfhe.compression.SeededKeyGeneration;
import org.fheml.tfhe.compression.SeededServerKey;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.optimizer.BootstrapParameters;
import org.fheml.tfhe.optimizer.BootstrapQuery;
import org.fheml.tfhe.optimizer.LeveledQuery;
import org.fheml.tfhe.optimizer.ParameterOptimizer;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * A compiled integer program: it prints itself, evaluates in the clear, simulates, and runs on encrypted data.
 * Arguments are given flattened (row-major), in declaration order; outputs come back flattened and concatenated.
 *
 * <p>Thread-safe: every method may be called from any number of threads at once. The graph, the parameters and,
 * once made, the keys and the evaluator's tables are immutable; keys and evaluator are made once, under a lock, on
 * first use. Each call keeps its values and ciphertext buffers to itself, encryption draws from a generator per
 * thread, and bootstraps share one bounded pool of {@link CompileOptions#threads()} threads, each task with its own
 * scratch. Arguments are validated against the circuit before they touch anything shared
 * ({@link InvalidRequestException}), so a refused call leaves the circuit as it was.
 *
 * <p>Ranges: {@link #evaluate}, {@link #simulate} and {@link #encrypt} (so {@link #encryptRunDecrypt}) check every
 * argument value against the bounds the circuit was compiled for ({@link #inputRange}) as
 * {@link CompileOptions#inputRangeCheck()} says: refused with an {@link InputRangeException}, clipped, or (unchecked)
 * computed as ciphertexts compute it, wrap-around included, by {@code simulate}.
 *
 * <p>Lifecycle: the first encrypted run starts the bootstrap threads. {@link #close()} stops them and waits for them;
 * after it, running on ciphertexts fails, while evaluating, simulating, encrypting and decrypting still work. A
 * circuit dropped without closing lets its idle threads end by themselves after a few seconds.
 */
public final class Circuit implements AutoCloseable {

    private final Graph graph;
    private final CompileOptions options;
    private final CircuitParameters parameters;
    /** Whether, and how, the inputset narrowed the known input ranges. */
    private final RangeNarrowing narrowing;
    /** Lookups that share many-LUT bootstraps (none when switched off, or without bootstraps). */
    private final ManyLutFusion manyLut;
    /** Why the circuit has no parameters for encrypted execution, or null. */
    private final CompilationException parametersProblem;
    private volatile ClientKeys keys;
    private volatile CiphertextEvaluator evaluator;
    private volatile CircuitSimulator simulator;
    /** Per encrypted argument, the elements some node reads (null: all); unread ones are encrypted as zero. */
    private volatile List<boolean[]> live;
    /** Set by {@link #close()}, under this circuit's lock. */
    private boolean closed;
    /** Masks and noise of encryptions: one AES-CTR generator per thread, each seeded from SecureRandom. */
    private final ThreadLocal<AesCtrGenerator> encryptionRandom = ThreadLocal.withInitial(AesCtrGenerator::fromSecureRandom);

    /**
     * The circuit of {@code graph} with the given parameters instead of the ones the optimizer would choose: tests
     * use it to run on small insecure parameter sets named as such.
     */
    Circuit(Graph graph, CompileOptions options, CircuitParameters parameters) {
        this.graph = graph;
        this.options = options;
        this.parameters = parameters;
        this.parametersProblem = null;
        this.narrowing = RangeNarrowing.NONE;
        this.manyLut = ManyLutFusion.plan(graph, parameters, options);
    }

    Circuit(Graph graph, CompileOptions options) {
        this(graph, options, RangeNarrowing.NONE);
    }

    Circuit(Graph graph, CompileOptions options, RangeNarrowing narrowing) {
        this.graph = graph;
        this.options = options;
        this.narrowing = narrowing;
        CircuitParameters chosen = null;
        CompilationException problem = null;
        try {
            chosen = ManyLutParameters.choose(graph, options, chooseParameters(graph, options));
        } catch (CompilationException e) {
            problem = e;
        }
        this.parameters = chosen;
        this.parametersProblem = problem;
        this.manyLut = ManyLutFusion.plan(graph, chosen, options);
        if (options.maxKeyBytes() != null) {
            CircuitMemory memory = CircuitMemory.of(graph, chosen);
            if (memory.keyGenerationBytes() > options.maxKeyBytes()) {
                throw new MemoryLimitException("The circuit's keys need " + CircuitMemory.format(
                        memory.keyGenerationBytes()) + " at key generation (" + memory.keyBreakdown() + "), more than "
                        + "the " + CircuitMemory.format(options.maxKeyBytes()) + " CompileOptions.maxKeyBytes allows: "
                        + MemoryLimitException.SMALLER + ", or raise the cap.", memory.keyGenerationBytes(),
                        options.maxKeyBytes());
            }
        }
    }

    /**
     * Every encrypted value is encoded with the circuit's widest encrypted width w. Without lookups, one LWE key
     * whose noise, grown by the dot products, keeps every value exact; with lookups, KS-PBS parameters at the
     * precision P of the widest lookup input, whose 2-norm is that of the worst decision point scaled by 2^(w − P)
     * (lookup inputs are scaled up to P bits, outputs must decode at w bits).
     */
    private static CircuitParameters chooseParameters(Graph graph, CompileOptions options) {
        if (graph.nodes().stream().noneMatch(Node::isEncrypted)) {
            return null;
        }
        int bits = Math.max(1, graph.maximumEncryptedBitWidth());
        java.util.Set<Node> absorbed = CiphertextEvaluator.absorbedRoundings(graph);
        List<LookupLowering> lookups = graph.nodes().stream().filter(LookupLowering::isLookup)
                .map(n -> LookupLowering.of(graph, n)).toList();
        List<BitExtraction> extractions = graph.nodes().stream().filter(BitExtraction::isExtraction)
                .filter(n -> !absorbed.contains(n)).map(n -> BitExtraction.of(graph, n)).toList();
        double pError = options.pErrorPerBootstrap();
        if (lookups.isEmpty() && extractions.isEmpty()) {
            if (options.globalPError() != null) {
                pError = Math.min(pError, options.globalPError());
            }
            double norm2 = Math.sqrt((double) NoiseGrowth.maximum(NoiseGrowth.analyse(graph)));
            return new CircuitParameters.Leveled(bits,
                    ParameterOptimizer.optimize(new LeveledQuery(bits, norm2, pError, options.security())));
        }
        int precision = Math.max(1, lookups.stream().mapToInt(LookupLowering::inputBits).max().orElse(1));
        for (LookupLowering lookup : lookups) {
            if (lookup.inputBits() > RangeAnalysis.MAX_LOOKUP_BITS) {
                throw new CompilationException("%" + graph.position(lookup.node()) + " = "
                        + GraphPrinter.expression(graph, lookup.node()) + " reads " + lookup.inputBits()
                        + " bits, more than the " + RangeAnalysis.MAX_LOOKUP_BITS + " a bootstrap reads: lower n_bits, "
                        + "or round the input first with roundBitPattern.");
            }
        }
        java.util.List<Node> decisions = new java.util.ArrayList<>(lookups.stream().map(LookupLowering::source).toList());
        extractions.forEach(extraction -> decisions.add(extraction.source()));
        // A chunk's bootstraps read t after earlier chunks subtracted theirs: at most the rounded value's noise.
        extractions.forEach(extraction -> decisions.add(extraction.node()));
        graph.outputs().stream().filter(Node::isEncrypted).forEach(decisions::add);
        long bootstrapNorm2 = NoiseGrowth.maximum(NoiseGrowth.analyse(graph, false), decisions);
        double scale = Math.pow(2, bits - precision);
        double norm2 = Math.max(1, Math.sqrt((double) bootstrapNorm2) * scale);
        long count = lookups.stream().mapToLong(l -> l.node().shape().size()).sum()
                + extractions.stream().mapToLong(e -> (long) e.bootstraps(precision, bits) * e.node().shape().size())
                        .sum();
        if (options.globalPError() != null) {
            pError = Math.min(pError, org.fheml.tfhe.optimizer.FailureProbability.perEvent(options.globalPError(), count));
        }
        try {
            BootstrapParameters pbs = ParameterOptimizer.optimize(new BootstrapQuery(precision, norm2, pError,
                    options.security(), true, org.fheml.tfhe.optimizer.CostModel.DEFAULT_SUM_SIZE));
            long freshNorm2 = NoiseGrowth.maximum(NoiseGrowth.analyse(graph, true), decisions);
            double freshVariance = freshNorm2 * pbs.glweNoiseStd() * pbs.glweNoiseStd() * scale * scale;
            if (freshVariance > org.fheml.tfhe.optimizer.FailureProbability.maximalVariance(pError, precision) / 16) {
                throw new CompilationException("The inputs' encryption noise, grown by the circuit's weights (2-norm "
                        + String.format("%.4g", Math.sqrt((double) freshNorm2)) + "), leaves no room for " + precision
                        + "-bit bootstraps of values encoded on " + bits + " bits: lower n_bits or the weights.");
            }
            CircuitParameters.Bootstrapped single = new CircuitParameters.Bootstrapped(bits, precision, count, pbs);
            if (options.multiParameter()) {
                CircuitParameters.Bootstrapped partitioned = PartitionPlanner.partitioned(graph, single, absorbed,
                        pError, options.security());
                if (partitioned != null) {
                    return partitioned;
                }
            }
            return single;
        } catch (org.fheml.tfhe.optimizer.NoFeasibleParametersException e) {
            throw new CompilationException("The circuit's " + count + " bootstraps read " + precision + " bits with "
                    + "values encoded on " + bits + " bits (effective 2-norm " + String.format("%.4g", norm2) + "): "
                    + e.getMessage());
        }
    }

    /** Bootstraps, keyswitches, widths, predicted global p_error and sizes of this circuit. */
    public CircuitStatistics statistics() {
        return CircuitStatistics.of(graph, parameters, narrowing, manyLut);
    }

    /** Whether the inputset narrowed the arguments' known ranges, and the nodes that changed (see CompileOptions). */
    public RangeNarrowing rangeNarrowing() {
        return narrowing;
    }

    /**
     * The range argument {@code argument} was compiled for, per element: values outside it are refused, clipped or
     * unchecked, as {@link CompileOptions#inputRangeCheck()} says.
     */
    public InputRange inputRange(int argument) {
        Bounds bounds = graph.bounds(graph.inputs().get(argument));
        return InputRange.perElement(bounds.lower().toArray(), bounds.upper().toArray());
    }

    /**
     * The parameters chosen at compile time; null for a circuit without any encrypted value, or one that no secure
     * parameters fit (see {@link #encryptedExecutionProblem()}).
     */
    public CircuitParameters parameters() {
        return parameters;
    }

    public Graph graph() {
        return graph;
    }

    public CompileOptions options() {
        return options;
    }

    /** The program evaluated in the clear on plain integers. */
    public long[] evaluate(long[]... args) {
        return flatten(graph.evaluate(checkedArguments(args)));
    }

    /**
     * The circuit evaluated on plain integers through the same lowering that encrypted execution uses, without
     * bootstrap failures: it equals {@link #evaluate} whenever the lowering is exact, and shows what approximate
     * rounding does otherwise. A circuit without parameters (no encrypted value, or none that fit) is evaluated.
     */
    public long[] simulate(long[]... args) {
        return simulate(null, args);
    }

    /**
     * The same, with every bootstrap off by one message with the failure probability of the circuit's parameters,
     * drawn from {@code errors}: what encrypted execution gives when its noise is unlucky.
     */
    public long[] simulate(java.util.random.RandomGenerator errors, long[]... args) {
        boolean wrapping = options.inputRangeCheck() == InputRangeCheck.UNCHECKED;
        if (parameters instanceof CircuitParameters.Bootstrapped || (wrapping && parameters != null)) {
            CircuitSimulator current = simulator;
            if (current == null) {
                current = new CircuitSimulator(graph, parameters, wrapping, manyLut);
                simulator = current;
            }
            return flatten(current.run(checkedArguments(args), errors));
        }
        return evaluate(args);
    }

    /**
     * {@link #encryptRunDecrypt} for many argument lists at once ({@code rows.get(i)[a]} is argument a of row i):
     * the rows' bootstraps are batched together, so a batch runs faster per row than one call per row.
     */
    public long[][] encryptRunDecryptBatch(List<long[][]> rows) {
        long[][] out = new long[rows.size()][];
        int chunk = rowsPerBatch();
        for (int from = 0; from < out.length; from += chunk) {
            List<long[][]> part = rows.subList(from, Math.min(out.length, from + chunk));
            List<EncryptedValues> encrypted = part.stream().map(this::encrypt).toList();
            List<List<Object>> results = evaluator().runBatch(encrypted.stream().map(EncryptedValues::values).toList());
            for (int i = 0; i < results.size(); i++) {
                out[from + i] = decrypt(new EncryptedValues(results.get(i)));
            }
        }
        return out;
    }

    /** Expanded input ciphertexts a batch may hold at once: above it, rows run in successive batches. */
    private static final long BATCH_INPUT_BYTES = 256L << 20;

    private int rowsPerBatch() {
        requireParameters();
        long perRow = Math.max(1, statistics().inputCiphertextBytes());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, BATCH_INPUT_BYTES / perRow));
    }

    /** Key generation (once), encryption, evaluation on ciphertexts and decryption, in one call. */
    public long[] encryptRunDecrypt(long[]... args) {
        return decrypt(run(encrypt(args)));
    }

    /** Generates the client's keys (secret, and the server's evaluation keys), unless this circuit has them. */
    public ClientKeys keygen() {
        ClientKeys current = keys;
        if (current == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = generateKeys();
                }
                current = keys;
            }
        }
        return current;
    }

    /** Fresh keys, or the cached ones when the options name an (insecure) key cache. */
    private ClientKeys generateKeys() {
        CircuitMemory memory = CircuitMemory.of(graph, requireParameters());
        MemoryLimitException.requireHeap("Key generation", memory.keyGenerationBytes(), memory);
        InsecureKeyCache cache = options.insecureKeyCache() == null ? null : new InsecureKeyCache(options.insecureKeyCache());
        return switch (requireParameters()) {
            case CircuitParameters.Leveled leveled -> {
                java.util.function.Supplier<LweSecretKey> generate = () -> LweSecretKey.generate(
                        new LweDimension(leveled.lwe().lweDimension()), AesCtrGenerator.fromSecureRandom());
                yield cache == null ? ClientKeys.leveled(leveled, generate.get(), KeySetId.randomNonce())
                        : cache.leveled(leveled, generate);
            }
            case CircuitParameters.Bootstrapped bootstrapped -> {
                java.util.function.Supplier<ClientKey> client = () -> KeyGeneration.generateClientKey(
                        bootstrapped.pbs().toTfheParameters(), AesCtrGenerator.fromSecureRandom());
                java.util.function.Function<ClientKey, SeededServerKey> server =
                        secret -> SeededKeyGeneration.generateServerKey(secret, AesCtrGenerator.fromSecureRandom());
                if (bootstrapped.partitioned()) {
                    yield cache == null ? PartitionKeys.generate(bootstrapped) : cache.partitioned(bootstrapped);
                }
                if (cache != null) {
                    yield cache.bootstrapped(bootstrapped, client, server);
                }
                ClientKey secret = client.get();
                yield ClientKeys.bootstrapped(bootstrapped, secret, server.apply(secret), KeySetId.randomNonce());
            }
        };
    }

    /**
     * Encrypts the encrypted arguments with the client's key (generated if needed); clear ones stay clear. Elements
     * that no node of the circuit reads ({@link LiveInputs}) are left as trivial encryptions of zero.
     */
    public EncryptedValues encrypt(long[]... args) {
        List<LongTensor> tensors = checkedArguments(args);
        ClientKeys clientKeys = keygen();
        CircuitEncoding encoding = new CircuitEncoding(parameters.encodingBits());
        double noiseStd = switch (parameters) {
            case CircuitParameters.Leveled leveled -> leveled.lwe().lweNoiseStd();
            case CircuitParameters.Bootstrapped bootstrapped -> bootstrapped.pbs().glweNoiseStd();
        };
        AesCtrGenerator random = encryptionRandom.get();
        List<boolean[]> live = liveInputs();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < tensors.size(); i++) {
            LongTensor tensor = tensors.get(i);
            if (!graph.inputs().get(i).isEncrypted()) {
                values.add(tensor);
                continue;
            }
            LweCiphertextList ciphertexts = new LweCiphertextList(clientKeys.encryptionKey().dimension(),
                    tensor.size());
            boolean[] read = live.get(i);
            for (int e = 0; e < tensor.size(); e++) {
                if (read == null || read[e]) {
                    LweEncryption.encrypt(clientKeys.encryptionKey(), encoding.encode(tensor.get(e)), noiseStd, random,
                            ciphertexts.get(e));
                }
            }
            values.add(new EncryptedTensor(tensor.shape(), ciphertexts));
        }
        return new EncryptedValues(values);
    }

    /** The elements of each encrypted argument the circuit reads ({@link LiveInputs}), worked out on first use. */
    private List<boolean[]> liveInputs() {
        List<boolean[]> current = live;
        if (current == null) {
            current = LiveInputs.of(graph);
            live = current;
        }
        return current;
    }

    /**
     * Evaluates the circuit on encrypted arguments: the server's part, which needs no secret key.
     *
     * @throws InvalidRequestException when the arguments do not fit the circuit (count, clear or encrypted, shape,
     *                                 parameters)
     * @throws IllegalStateException   after {@link #close()}
     */
    public EncryptedValues run(EncryptedValues arguments) {
        return new EncryptedValues(evaluator().run(arguments.values()));
    }

    /** Stops the bootstrap threads, if any started, and waits for them to end. Idempotent. */
    @Override
    public void close() {
        CiphertextEvaluator current;
        synchronized (this) {
            closed = true;
            current = evaluator;
            evaluator = null;
        }
        if (current != null) {
            current.close();
        }
    }

    private CiphertextEvaluator evaluator() {
        CiphertextEvaluator current = evaluator;
        if (current == null) {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("This circuit is closed: it no longer runs on ciphertexts.");
                }
                if (evaluator == null) {
                    evaluator = CiphertextEvaluator.create(graph, requireParameters(), keygen().serverKeys(),
                            options.threads(), null, manyLut);
                }
                current = evaluator;
            }
        }
        return current;
    }

    /** What a {@link ServerCircuit} is built from: the circuit's parameters, nodes and tables, without any key. */
    public byte[] serverSpecification() {
        return CircuitSpecification.write(graph, requireParameters(), manyLut);
    }

    /**
     * The evaluation keys for a server (keygen first if needed), an evaluation-keys artifact bound to this key set:
     * its id and the server key in the seeded form that the server decompresses, about half the size of the plain
     * keys or less. For a circuit without bootstraps, the id alone.
     */
    public byte[] evaluationKeys() {
        ClientKeys clientKeys = keygen();
        return clientKeys.seededServerKeys().size() > 1
                ? EvaluationKeysCodec.write(clientKeys.keySetId(), clientKeys.seededServerKeys())
                : EvaluationKeysCodec.write(clientKeys.keySetId(), clientKeys.seededServerKey());
    }

    /** {@link #encrypt} as the bytes a client sends, bound to this client's key set. */
    public byte[] encryptToBytes(long[]... args) {
        return EncryptedValuesCodec.write(keygen().keySetId(), encrypt(args));
    }

    /**
     * {@link #decrypt} of the bytes a server returned; refuses, with a {@link KeySetMismatchException}, results
     * computed for another key set.
     */
    public long[] decryptBytes(byte[] results) {
        ClientKeys clientKeys = keygen();
        EncryptedValuesCodec.Decoded decoded = EncryptedValuesCodec.read(results, graph.outputs(),
                clientKeys.encryptionKey().dimension().value(), EncryptedValuesCodec.Role.RESULTS);
        KeySetMismatchException.check(clientKeys.keySetId(), decoded.keySet(), "The results",
                "this client's keys belong to");
        return decrypt(decoded.values());
    }

    /** Decrypts results with the client's key into the flattened, concatenated outputs. */
    public long[] decrypt(EncryptedValues results) {
        ClientKeys clientKeys = keygen();
        CircuitEncoding encoding = new CircuitEncoding(requireParameters().encodingBits());
        if (results.values().size() != graph.outputs().size()) {
            throw new InvalidRequestException(InvalidRequestException.Problem.ARGUMENT_COUNT, "The circuit has "
                    + graph.outputs().size() + " output(s), the results hold " + results.values().size() + ".");
        }
        List<LongTensor> outputs = new ArrayList<>();
        for (int i = 0; i < results.values().size(); i++) {
            Object value = results.values().get(i);
            Shape shape = value instanceof EncryptedTensor e ? e.shape() : ((LongTensor) value).shape();
            if (!shape.equals(graph.outputs().get(i).shape())) {
                throw new InvalidRequestException(InvalidRequestException.Problem.SHAPE, "Result " + i + " has shape "
                        + shape + ", the circuit's output has " + graph.outputs().get(i).shape() + ".");
            }
            if (value instanceof LongTensor clear) {
                outputs.add(clear);
                continue;
            }
            EncryptedTensor encrypted = (EncryptedTensor) value;
            long[] decoded = new long[encrypted.shape().size()];
            for (int e = 0; e < decoded.length; e++) {
                decoded[e] = encoding.decode(LweEncryption.decryptPhase(clientKeys.encryptionKey(),
                        encrypted.ciphertexts().get(e)));
            }
            outputs.add(LongTensor.of(encrypted.shape(), decoded));
        }
        return flatten(outputs);
    }

    private CircuitParameters requireParameters() {
        if (parametersProblem != null) {
            throw new CompilationException("This circuit evaluates and simulates, but cannot run on ciphertexts: "
                    + parametersProblem.getMessage());
        }
        if (parameters == null) {
            throw new UnsupportedOperationException("This circuit has no encrypted value: evaluate(...) computes it.");
        }
        return parameters;
    }

    /** Why this circuit cannot run on ciphertexts (no secure parameters fit it), or null when it can. */
    public String encryptedExecutionProblem() {
        return parametersProblem == null ? null : parametersProblem.getMessage();
    }

    List<LongTensor> arguments(long[]... args) {
        if (args == null || args.length != graph.inputs().size()) {
            throw new InvalidRequestException(InvalidRequestException.Problem.ARGUMENT_COUNT, "The circuit takes "
                    + graph.inputs().size() + " argument(s), got " + (args == null ? "null" : args.length) + ".");
        }
        List<LongTensor> tensors = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            Node input = graph.inputs().get(i);
            if (args[i] == null || args[i].length != input.shape().size()) {
                throw new InvalidRequestException(InvalidRequestException.Problem.SHAPE, "Argument " + i + " ("
                        + ((Op.Input) input.op()).name() + ") needs " + input.shape().size() + " values for shape "
                        + input.shape() + ", got " + (args[i] == null ? "null" : args[i].length) + ".");
            }
            tensors.add(LongTensor.of(input.shape(), args[i]));
        }
        return tensors;
    }

    /**
     * The arguments as tensors, checked against the compiled input bounds as the options say: refused with an
     * {@link InputRangeException}, clipped, or left as they are.
     */
    List<LongTensor> checkedArguments(long[]... args) {
        List<LongTensor> tensors = arguments(args);
        InputRangeCheck check = options.inputRangeCheck();
        if (check == InputRangeCheck.UNCHECKED) {
            return tensors;
        }
        List<LongTensor> out = new ArrayList<>(tensors.size());
        for (int i = 0; i < tensors.size(); i++) {
            Node input = graph.inputs().get(i);
            Bounds bounds = graph.bounds(input);
            LongTensor tensor = tensors.get(i);
            long[] values = tensor.data();
            long[] checked = ArgumentBoundsCheck.apply(check, i, ((Op.Input) input.op()).name(), values,
                    bounds.lower().data(), bounds.upper().data());
            out.add(checked == values ? tensor : LongTensor.of(tensor.shape(), checked));
        }
        return out;
    }

    static long[] flatten(List<LongTensor> outputs) {
        int size = outputs.stream().mapToInt(LongTensor::size).sum();
        long[] flat = new long[size];
        int position = 0;
        for (LongTensor output : outputs) {
            System.arraycopy(output.toArray(), 0, flat, position, output.size());
            position += output.size();
        }
        return flat;
    }

    /**
     * The program in Concrete's text format, with the ranges measured on the inputset when asked; a multi-parameter
     * circuit also names each bootstrap's partition and each partition's parameters, and lookups that share many-LUT
     * bootstraps say so after their type.
     */
    public String format(boolean showRanges) {
        return GraphPrinter.format(graph, showRanges, parameters, manyLut);
    }

    /** Bootstraps per evaluation that many-LUT bootstraps save (0 when switched off or when no lookups share). */
    public long bootstrapsSavedByManyLut() {
        return manyLut.savedBootstraps();
    }

    @Override
    public String toString() {
        return format(false);
    }
}

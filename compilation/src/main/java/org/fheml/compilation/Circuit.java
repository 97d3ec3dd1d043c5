package org.fheml.compilation;

import java.util.ArrayList;
import java.util.List;
import org.fheml.tfhe.algorithms.LweEncryption;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.optimizer.LeveledQuery;
import org.fheml.tfhe.optimizer.ParameterOptimizer;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * A compiled integer program: it prints itself, evaluates in the clear, simulates, and runs on encrypted data.
 * Arguments are given flattened (row-major), in declaration order; outputs come back flattened and concatenated.
 */
public final class Circuit {

    private final Graph graph;
    private final CompileOptions options;
    private final CircuitParameters parameters;
    private volatile ClientKeys keys;
    /** Masks and noise of encryptions: one AES-CTR generator per thread, each seeded from SecureRandom. */
    private final ThreadLocal<AesCtrGenerator> encryptionRandom = ThreadLocal.withInitial(AesCtrGenerator::fromSecureRandom);

    Circuit(Graph graph, CompileOptions options) {
        this.graph = graph;
        this.options = options;
        this.parameters = chooseParameters(graph, options);
    }

    /**
     * A circuit without bootstraps needs one LWE key whose noise, grown by its dot products, keeps every value of
     * the circuit's widest encrypted width exact; a circuit with lookups has no parameters until bootstraps are
     * lowered onto ciphertexts.
     */
    private static CircuitParameters chooseParameters(Graph graph, CompileOptions options) {
        boolean bootstraps = graph.nodes().stream().anyMatch(n -> n.isEncrypted() && needsBootstrap(n.op()));
        if (bootstraps || graph.nodes().stream().noneMatch(Node::isEncrypted)) {
            return null;
        }
        int bits = Math.max(1, graph.maximumEncryptedBitWidth());
        double norm2 = Math.sqrt((double) NoiseGrowth.maximum(NoiseGrowth.analyse(graph)));
        double pError = options.globalPError() == null ? options.pErrorPerBootstrap()
                : Math.min(options.pErrorPerBootstrap(), options.globalPError());
        return new CircuitParameters.Leveled(bits,
                ParameterOptimizer.optimize(new LeveledQuery(bits, norm2, pError, options.security())));
    }

    private static boolean needsBootstrap(Op op) {
        return op instanceof Op.Lookup || op instanceof Op.Apply || op instanceof Op.RoundBitPattern
                || op instanceof Op.TruncateBitPattern;
    }

    /** The parameters chosen at compile time, or null for a circuit that cannot run on ciphertexts yet. */
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
        return flatten(graph.evaluate(arguments(args)));
    }

    /**
     * The circuit evaluated on plain integers through the same lowering that encrypted execution uses. Without
     * bootstraps it equals {@link #evaluate}.
     */
    public long[] simulate(long[]... args) {
        return evaluate(args);
    }

    /** Key generation (once), encryption, evaluation on ciphertexts and decryption, in one call. */
    public long[] encryptRunDecrypt(long[]... args) {
        return decrypt(run(encrypt(args)));
    }

    /** Generates the client's secret keys, unless this circuit already has them. */
    public ClientKeys keygen() {
        ClientKeys current = keys;
        if (current == null) {
            synchronized (this) {
                if (keys == null) {
                    CircuitParameters.Leveled leveled = leveledParameters();
                    keys = new ClientKeys(leveled, LweSecretKey.generate(
                            new LweDimension(leveled.lwe().lweDimension()), AesCtrGenerator.fromSecureRandom()));
                }
                current = keys;
            }
        }
        return current;
    }

    /** Encrypts the encrypted arguments with the client's key (generated if needed); clear ones stay clear. */
    public EncryptedValues encrypt(long[]... args) {
        List<LongTensor> tensors = arguments(args);
        ClientKeys clientKeys = keygen();
        CircuitParameters.Leveled leveled = leveledParameters();
        CircuitEncoding encoding = new CircuitEncoding(leveled.encodingBits());
        AesCtrGenerator random = encryptionRandom.get();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < tensors.size(); i++) {
            LongTensor tensor = tensors.get(i);
            if (!graph.inputs().get(i).isEncrypted()) {
                values.add(tensor);
                continue;
            }
            long[] plaintexts = new long[tensor.size()];
            for (int e = 0; e < plaintexts.length; e++) {
                plaintexts[e] = encoding.encode(tensor.get(e));
            }
            LweCiphertextList ciphertexts = new LweCiphertextList(clientKeys.lweKey().dimension(), plaintexts.length);
            LweEncryption.encrypt(clientKeys.lweKey(), plaintexts, leveled.lwe().lweNoiseStd(), random, ciphertexts);
            values.add(new EncryptedTensor(tensor.shape(), ciphertexts));
        }
        return new EncryptedValues(values);
    }

    /** Evaluates the circuit on encrypted arguments: the server's part, which needs no secret key. */
    public EncryptedValues run(EncryptedValues arguments) {
        CircuitParameters.Leveled leveled = leveledParameters();
        if (arguments.values().size() != graph.inputs().size()) {
            throw new IllegalArgumentException("The circuit takes " + graph.inputs().size() + " argument(s), got "
                    + arguments.values().size() + ".");
        }
        return new EncryptedValues(new CiphertextEvaluator(graph, new CircuitEncoding(leveled.encodingBits()),
                new LweDimension(leveled.lwe().lweDimension())).run(arguments.values()));
    }

    /** Decrypts results with the client's key into the flattened, concatenated outputs. */
    public long[] decrypt(EncryptedValues results) {
        ClientKeys clientKeys = keygen();
        CircuitEncoding encoding = new CircuitEncoding(leveledParameters().encodingBits());
        List<LongTensor> outputs = new ArrayList<>();
        for (Object value : results.values()) {
            if (value instanceof LongTensor clear) {
                outputs.add(clear);
                continue;
            }
            EncryptedTensor encrypted = (EncryptedTensor) value;
            long[] decoded = new long[encrypted.shape().size()];
            for (int e = 0; e < decoded.length; e++) {
                decoded[e] = encoding.decode(LweEncryption.decryptPhase(clientKeys.lweKey(),
                        encrypted.ciphertexts().get(e)));
            }
            outputs.add(LongTensor.of(encrypted.shape(), decoded));
        }
        return flatten(outputs);
    }

    private CircuitParameters.Leveled leveledParameters() {
        if (parameters instanceof CircuitParameters.Leveled leveled) {
            return leveled;
        }
        if (graph.nodes().stream().noneMatch(Node::isEncrypted)) {
            throw new UnsupportedOperationException("This circuit has no encrypted value: evaluate(...) computes it.");
        }
        throw new UnsupportedOperationException("This circuit has lookups, which need programmable bootstraps; the "
                + "compiler does not lower them onto ciphertexts yet. simulate(...) evaluates it.");
    }

    List<LongTensor> arguments(long[]... args) {
        if (args.length != graph.inputs().size()) {
            throw new IllegalArgumentException("The circuit takes " + graph.inputs().size() + " argument(s), got "
                    + args.length + ".");
        }
        List<LongTensor> tensors = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            Node input = graph.inputs().get(i);
            if (args[i] == null || args[i].length != input.shape().size()) {
                throw new IllegalArgumentException("Argument " + i + " (" + ((Op.Input) input.op()).name()
                        + ") needs " + input.shape().size() + " values for shape " + input.shape() + ", got "
                        + (args[i] == null ? "null" : args[i].length) + ".");
            }
            tensors.add(LongTensor.of(input.shape(), args[i]));
        }
        return tensors;
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

    /** The program in Concrete's text format, with the ranges measured on the inputset when asked. */
    public String format(boolean showRanges) {
        return graph.format(showRanges);
    }

    @Override
    public String toString() {
        return graph.toString();
    }
}

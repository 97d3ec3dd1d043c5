package org.fheml.compilation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fheml.tfhe.algorithms.KeyGeneration;
import org.fheml.tfhe.algorithms.LweEncryption;
import org.fheml.tfhe.compression.SeededKeyGeneration;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.fheml.tfhe.serialization.ArtifactException;
import org.fheml.tfhe.serialization.ArtifactReader;
import org.fheml.tfhe.serialization.ArtifactType;
import org.fheml.tfhe.serialization.ArtifactWriter;

/**
 * The client's side of a compiled circuit, without its graph: the parameters and the shapes of its arguments and
 * results, which is all that key generation, encryption and decryption need. It is made from a {@link Circuit}
 * ({@link #of}) and travels as a {@link ArtifactType#CLIENT_SPECIFICATION} artifact ({@link #toBytes()},
 * {@link #load}); it also carries the digest of the server specification it belongs to
 * ({@link ServerBundle#specificationDigest()}), so that a client can tell whether a server runs its circuit, and
 * the input bounds the circuit was compiled for with its {@link InputRangeCheck}, so that {@link #encrypt} refuses
 * or clips values out of range exactly as {@link Circuit#encrypt} does.
 *
 * <p>Immutable and thread-safe: encryption draws masks and noise from one generator per thread.
 */
public final class ClientCircuit {

    private static final int MAX_VALUES = 1 << 16;
    private static final int MAX_RANK = 64;
    private static final int MAX_NAME_BYTES = 1024;

    private final CircuitParameters parameters;
    private final List<Node> inputs;
    private final List<Node> outputs;
    private final String serverSpecificationDigest;
    private final InputRangeCheck rangeCheck;
    private final List<InputRange> inputRanges;
    private final ThreadLocal<AesCtrGenerator> random = ThreadLocal.withInitial(AesCtrGenerator::fromSecureRandom);

    private ClientCircuit(CircuitParameters parameters, List<Node> inputs, List<Node> outputs, String digest,
            InputRangeCheck rangeCheck, List<InputRange> inputRanges) {
        this.parameters = parameters;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.serverSpecificationDigest = digest;
        this.rangeCheck = rangeCheck;
        this.inputRanges = List.copyOf(inputRanges);
    }

    /**
     * The client side of a compiled circuit.
     *
     * @throws CompilationException          when the circuit cannot run on ciphertexts
     * @throws UnsupportedOperationException when it has no encrypted value
     */
    public static ClientCircuit of(Circuit circuit) {
        byte[] specification = circuit.serverSpecification();
        Graph graph = circuit.graph();
        List<Node> outputs = new ArrayList<>();
        for (int i = 0; i < graph.outputs().size(); i++) {
            Node output = graph.outputs().get(i);
            outputs.add(standIn("output " + i, i, output.isEncrypted(), output.shape()));
        }
        List<InputRange> ranges = new ArrayList<>();
        for (int i = 0; i < graph.inputs().size(); i++) {
            ranges.add(circuit.inputRange(i));
        }
        return new ClientCircuit(circuit.parameters(), graph.inputs(), outputs, Digests.sha256Hex(specification),
                circuit.options().inputRangeCheck(), ranges);
    }

    /**
     * Reads a client specification written by {@link #toBytes()}.
     *
     * @throws ArtifactException when the bytes are damaged, truncated or not a client specification
     */
    public static ClientCircuit load(byte[] specification) {
        return ArtifactReader.read(specification, ArtifactType.CLIENT_SPECIFICATION, in -> {
            CircuitParameters parameters = CircuitSpecification.readParameters(in);
            String digest = in.readString(Digests.HEX_LENGTH, "server specification digest");
            if (!Digests.isHex(digest)) {
                throw in.error("has a server specification digest that is not " + Digests.HEX_LENGTH
                        + " hexadecimal digits: it is damaged.");
            }
            InputRangeCheck rangeCheck = InputRangeCheck.values()[in.readInt(0, InputRangeCheck.values().length - 1,
                    "input range check")];
            List<Node> inputs = new ArrayList<>();
            List<InputRange> ranges = new ArrayList<>();
            int inputCount = in.readSize(MAX_VALUES, 7, "argument count");
            for (int i = 0; i < inputCount; i++) {
                String name = in.readString(MAX_NAME_BYTES, "argument name");
                boolean encrypted = in.readBoolean("encryption flag");
                Node input = standIn(name, i, encrypted, readShape(in));
                long[] lower = in.readLongArray(input.shape().size(), "input lower bounds");
                long[] upper = in.readLongArray(input.shape().size(), "input upper bounds");
                if (lower.length != input.shape().size() || upper.length != lower.length) {
                    throw in.error("has " + lower.length + " lower and " + upper.length + " upper bounds for argument "
                            + i + " of " + input.shape().size() + " values: it is damaged.");
                }
                for (int e = 0; e < lower.length; e++) {
                    if (lower[e] > upper[e]) {
                        throw in.error("has a lower bound above its upper bound for argument " + i + ", element " + e
                                + ": it is damaged.");
                    }
                }
                inputs.add(input);
                ranges.add(InputRange.perElement(lower, upper));
            }
            List<Node> outputs = new ArrayList<>();
            int outputCount = in.readSize(MAX_VALUES, 5, "result count");
            if (outputCount == 0) {
                throw in.error("has no result: it is damaged.");
            }
            for (int i = 0; i < outputCount; i++) {
                boolean encrypted = in.readBoolean("encryption flag");
                outputs.add(standIn("output " + i, i, encrypted, readShape(in)));
            }
            return new ClientCircuit(parameters, inputs, outputs, digest, rangeCheck, ranges);
        });
    }

    /** This specification as a {@link ArtifactType#CLIENT_SPECIFICATION} artifact. */
    public byte[] toBytes() {
        ArtifactWriter out = ArtifactWriter.of(ArtifactType.CLIENT_SPECIFICATION);
        CircuitSpecification.writeParameters(out, parameters);
        out.writeString(serverSpecificationDigest, Digests.HEX_LENGTH);
        out.writeInt(rangeCheck.ordinal());
        out.writeSize(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Node input = inputs.get(i);
            out.writeString(((Op.Input) input.op()).name(), MAX_NAME_BYTES);
            out.writeBoolean(input.isEncrypted());
            writeShape(out, input.shape());
            out.writeLongArray(inputRanges.get(i).lower());
            out.writeLongArray(inputRanges.get(i).upper());
        }
        out.writeSize(outputs.size());
        for (Node output : outputs) {
            out.writeBoolean(output.isEncrypted());
            writeShape(out, output.shape());
        }
        return out.toBytes();
    }

    /** The parameters the circuit was compiled with. */
    public CircuitParameters parameters() {
        return parameters;
    }

    /** SHA-256 (hexadecimal) of the server specification this client side belongs to. */
    public String serverSpecificationDigest() {
        return serverSpecificationDigest;
    }

    /** How many arguments the circuit takes. */
    public int argumentCount() {
        return inputs.size();
    }

    /** The shape of argument {@code index}. */
    public Shape argumentShape(int index) {
        return inputs.get(index).shape();
    }

    /** The range argument {@code index} was compiled for, per element (see {@link Circuit#inputRange}). */
    public InputRange inputRange(int index) {
        return inputRanges.get(index);
    }

    /** What {@link #encrypt} does with a value outside its argument's range. */
    public InputRangeCheck inputRangeCheck() {
        return rangeCheck;
    }

    /** Whether argument {@code index} is encrypted (otherwise it travels in the clear). */
    public boolean isArgumentEncrypted(int index) {
        return inputs.get(index).isEncrypted();
    }

    /** How many results the circuit returns. */
    public int resultCount() {
        return outputs.size();
    }

    /** The shape of result {@code index}. */
    public Shape resultShape(int index) {
        return outputs.get(index).shape();
    }

    /**
     * A fresh key set: the secret key from a {@code SecureRandom}-seeded generator, and, for a circuit that
     * bootstraps, the seeded evaluation keys made from it.
     */
    public ClientKeySet generateKeys() {
        byte[] nonce = KeySetId.randomNonce();
        return switch (parameters) {
            case CircuitParameters.Leveled leveled -> ClientKeySet.leveled(leveled, LweSecretKey.generate(
                    new LweDimension(leveled.lwe().lweDimension()), AesCtrGenerator.fromSecureRandom()), nonce);
            case CircuitParameters.Bootstrapped bootstrapped when bootstrapped.partitioned() -> {
                ClientKey[] secret = PartitionKeys.secretKeys(bootstrapped);
                yield ClientKeySet.partitioned(bootstrapped, secret, PartitionKeys.serverKeys(secret), nonce);
            }
            case CircuitParameters.Bootstrapped bootstrapped -> {
                ClientKey secret = KeyGeneration.generateClientKey(bootstrapped.pbs().toTfheParameters(),
                        AesCtrGenerator.fromSecureRandom());
                yield ClientKeySet.bootstrapped(bootstrapped, secret, SeededKeyGeneration.generateServerKey(secret,
                        AesCtrGenerator.fromSecureRandom()), nonce);
            }
        };
    }

    /**
     * A key set read back from {@link ClientKeySet#secretKeys()} and {@link ClientKeySet#evaluationKeys()}.
     *
     * @throws ArtifactException       when either is damaged, or they were made for another circuit's parameters
     * @throws KeySetMismatchException when the evaluation keys belong to another key set than the secret key
     */
    public ClientKeySet loadKeys(byte[] secretKeys, byte[] evaluationKeys) {
        return ClientKeySet.read(parameters, secretKeys, evaluationKeys);
    }

    /**
     * Encrypts one call's arguments (flattened, row-major, in declaration order) with the key set, as the bytes a
     * server's {@link ServerCircuit#run} takes; clear arguments stay clear.
     *
     * @throws InvalidRequestException when the arguments do not fit the circuit
     * @throws InputRangeException     when a value is outside the range its argument was compiled for, and the
     *                                 circuit refuses such values ({@link #inputRangeCheck()})
     */
    public byte[] encrypt(ClientKeySet keys, long[]... args) {
        requireKeysOfThisCircuit(keys);
        if (args == null || args.length != inputs.size()) {
            throw new InvalidRequestException(InvalidRequestException.Problem.ARGUMENT_COUNT, "The circuit takes "
                    + inputs.size() + " argument(s), got " + (args == null ? "null" : args.length) + ".");
        }
        CircuitEncoding encoding = new CircuitEncoding(parameters.encodingBits());
        double noiseStd = switch (parameters) {
            case CircuitParameters.Leveled leveled -> leveled.lwe().lweNoiseStd();
            case CircuitParameters.Bootstrapped bootstrapped -> bootstrapped.pbs().glweNoiseStd();
        };
        AesCtrGenerator generator = random.get();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            Node input = inputs.get(i);
            if (args[i] == null || args[i].length != input.shape().size()) {
                throw new InvalidRequestException(InvalidRequestException.Problem.SHAPE, "Argument " + i + " ("
                        + ((Op.Input) input.op()).name() + ") needs " + input.shape().size() + " values for shape "
                        + input.shape() + ", got " + (args[i] == null ? "null" : args[i].length) + ".");
            }
            long[] checked = inputRanges.get(i).checkPerElement(rangeCheck, i, ((Op.Input) input.op()).name(),
                    args[i]);
            if (!input.isEncrypted()) {
                values.add(LongTensor.of(input.shape(), checked.clone()));
                continue;
            }
            long[] plaintexts = new long[checked.length];
            for (int e = 0; e < plaintexts.length; e++) {
                plaintexts[e] = encoding.encode(checked[e]);
            }
            LweCiphertextList ciphertexts = new LweCiphertextList(keys.encryptionKey().dimension(), plaintexts.length);
            LweEncryption.encrypt(keys.encryptionKey(), plaintexts, noiseStd, generator, ciphertexts);
            values.add(new EncryptedTensor(input.shape(), ciphertexts));
        }
        return EncryptedValuesCodec.write(keys.keySetId(), new EncryptedValues(values));
    }

    /**
     * Decrypts the bytes a server returned into the flattened, concatenated results.
     *
     * @throws ArtifactException       when the bytes are damaged or do not hold this circuit's results
     * @throws KeySetMismatchException when they were computed for another key set
     */
    public long[] decrypt(ClientKeySet keys, byte[] results) {
        requireKeysOfThisCircuit(keys);
        EncryptedValuesCodec.Decoded decoded = EncryptedValuesCodec.read(results, outputs,
                keys.encryptionKey().dimension().value(), EncryptedValuesCodec.Role.RESULTS);
        KeySetMismatchException.check(keys.keySetId(), decoded.keySet(), "The results", "this client's keys belong to");
        CircuitEncoding encoding = new CircuitEncoding(parameters.encodingBits());
        List<LongTensor> tensors = new ArrayList<>();
        for (Object value : decoded.values().values()) {
            if (value instanceof LongTensor clear) {
                tensors.add(clear);
                continue;
            }
            EncryptedTensor encrypted = (EncryptedTensor) value;
            long[] plain = new long[encrypted.shape().size()];
            for (int e = 0; e < plain.length; e++) {
                plain[e] = encoding.decode(LweEncryption.decryptPhase(keys.encryptionKey(),
                        encrypted.ciphertexts().get(e)));
            }
            tensors.add(LongTensor.of(encrypted.shape(), plain));
        }
        return Circuit.flatten(tensors);
    }

    /**
     * {@link #decrypt(ClientKeySet, byte[])} of many results, one per request; a refusal names the result.
     *
     * @throws ArtifactException       when a result is damaged or does not hold this circuit's results
     * @throws KeySetMismatchException when one was computed for another key set
     */
    public long[][] decrypt(ClientKeySet keys, byte[][] results) {
        if (results == null) {
            throw new IllegalArgumentException("The results are null.");
        }
        long[][] out = new long[results.length][];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = decrypt(keys, results[i]);
            } catch (KeySetMismatchException e) {
                throw new KeySetMismatchException("Result " + i + ": " + e.getMessage());
            } catch (ArtifactException e) {
                throw new ArtifactException("Result " + i + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private void requireKeysOfThisCircuit(ClientKeySet keys) {
        if (keys == null) {
            throw new IllegalArgumentException("The key set is null: generateKeys() or loadKeys(...) makes one.");
        }
        if (!keys.parameters().equals(parameters)) {
            throw new KeySetMismatchException("This key set was made for other parameters than this circuit's: "
                    + "generate keys for this circuit.");
        }
    }

    private static Node standIn(String name, int position, boolean encrypted, Shape shape) {
        return new Node(new Op.Input(name, position, encrypted ? Encryption.ENCRYPTED : Encryption.CLEAR), List.of(),
                shape, encrypted);
    }

    private static void writeShape(ArtifactWriter out, Shape shape) {
        int[] dims = shape.dims();
        out.writeSize(dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
    }

    private static Shape readShape(ArtifactReader in) {
        int[] dims = new int[in.readSize(MAX_RANK, 4, "rank")];
        long size = 1;
        for (int d = 0; d < dims.length; d++) {
            dims[d] = in.readInt(0, Integer.MAX_VALUE, "dimension");
            size *= dims[d];
            if (size > Integer.MAX_VALUE) {
                throw in.error("has a shape " + Arrays.toString(dims) + " too large for one tensor: it is damaged.");
            }
        }
        return Shape.of(dims);
    }

    @Override
    public String toString() {
        return "ClientCircuit(" + inputs.size() + " argument(s), " + outputs.size() + " result(s), parameters "
                + parameters + ")";
    }
}

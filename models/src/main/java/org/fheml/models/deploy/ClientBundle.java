package org.fheml.models.deploy;

import java.nio.file.Path;
import org.fheml.compilation.BundleException;
import org.fheml.compilation.BundleFiles;
import org.fheml.compilation.ClientCircuit;
import org.fheml.compilation.BundleReader;
import org.fheml.compilation.BundleWriter;

/**
 * What a client needs of a deployed model, and nothing of its weights beyond what quantizing inputs and reading
 * outputs takes: the circuit's client specification ({@link ClientCircuit}: parameters and shapes), the input
 * quantizers ({@link InputEncoding}), the output dequantization ({@link OutputDecoding}) and the post-processing
 * with the class labels ({@link PostProcessing}). It is one CLIENT_BUNDLE artifact, saved in
 * a folder as {@value #FILE}; reading checks the container (CRC, bounded sizes) and that the parts fit each other.
 *
 * <p>Immutable, so thread-safe.
 */
public final class ClientBundle {

    /** The file a client bundle folder holds. */
    public static final String FILE = "client.fheml";

    private static final int MAX_NAME_BYTES = 1024;
    private static final int MAX_VERSION_BYTES = 64;

    private final String modelName;
    private final String libraryVersion;
    private final ClientCircuit circuit;
    private final InputEncoding input;
    private final OutputDecoding output;
    private final PostProcessing post;

    private ClientBundle(String modelName, String libraryVersion, ClientCircuit circuit, InputEncoding input,
            OutputDecoding output, PostProcessing post) {
        this.modelName = modelName;
        this.libraryVersion = libraryVersion;
        this.circuit = circuit;
        this.input = input;
        this.output = output;
        this.post = post;
        String problem = mismatch();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * A client bundle from its parts.
     *
     * @throws IllegalArgumentException when they do not fit each other (the encoding's argument is not the
     *                                  circuit's, the decoding reads another number of results, the decoding's
     *                                  scores do not suit the post-processing)
     */
    public static ClientBundle of(String modelName, ClientCircuit circuit, InputEncoding input, OutputDecoding output,
            PostProcessing post) {
        if (modelName == null || modelName.isEmpty()) {
            throw new IllegalArgumentException("A client bundle needs a model name.");
        }
        return new ClientBundle(modelName, BundleWriter.libraryVersion(), circuit, input, output, post);
    }

    /**
     * Reads {@code dir}/{@value #FILE}.
     *
     * @throws BundleException when it is missing, unreadable or damaged
     */
    public static ClientBundle load(Path dir) {
        return BundleFiles.read(dir, FILE, "client bundle", ClientBundle::fromBytes);
    }

    /**
     * Reads a bundle from its bytes ({@link #toBytes()}).
     *
     * @throws IllegalArgumentException (an ArtifactException) when they are damaged or truncated, or their parts do not fit each other
     */
    public static ClientBundle fromBytes(byte[] bytes) {
        return BundleReader.readClientBundle(bytes, in -> {
            String name = in.readString(MAX_NAME_BYTES, "model name");
            String version = in.readString(MAX_VERSION_BYTES, "library version");
            ClientCircuit circuit = ClientCircuit.load(in.readArtifact("client specification"));
            InputEncoding input = InputEncoding.read(in);
            OutputDecoding output = OutputDecoding.read(in);
            PostProcessing post = PostProcessing.read(in);
            try {
                return new ClientBundle(name, version, circuit, input, output, post);
            } catch (IllegalArgumentException e) {
                throw in.error("holds parts that do not fit each other (" + e.getMessage() + "): it is damaged.");
            }
        });
    }

    /** This bundle as one CLIENT_BUNDLE artifact. */
    public byte[] toBytes() {
        BundleWriter out = BundleWriter.clientBundle().writeString(modelName, MAX_NAME_BYTES)
                .writeString(libraryVersion, MAX_VERSION_BYTES).writeArtifact(circuit.toBytes());
        InputEncoding.write(out, input);
        OutputDecoding.write(out, output);
        PostProcessing.write(out, post);
        return out.toBytes();
    }

    /**
     * Writes {@code dir}/{@value #FILE} (creating the folder), atomically.
     *
     * @throws BundleException when it cannot be written
     */
    public void save(Path dir) {
        BundleFiles.write(dir, FILE, toBytes(), false);
    }

    private String mismatch() {
        if (circuit.argumentCount() != 1 || !circuit.isArgumentEncrypted(0)) {
            return "the circuit takes " + circuit.argumentCount() + " argument(s); a model's takes one encrypted row";
        }
        int argument = circuit.argumentShape(0).size();
        int encoded = input.encode(new double[input.featureCount()]).length;
        if (argument != encoded) {
            return "the input encoding gives " + encoded + " values per row, the circuit takes " + argument;
        }
        int results = 0;
        for (int i = 0; i < circuit.resultCount(); i++) {
            results += circuit.resultShape(i).size();
        }
        if (results != output.resultCount()) {
            return "the output decoding reads " + output.resultCount() + " results per row, the circuit returns "
                    + results;
        }
        boolean classifier = post instanceof PostProcessing.Classification;
        if (output instanceof OutputDecoding.ClassIndex && !classifier) {
            return "a circuit returning a class index needs a classifier's post-processing";
        }
        return null;
    }

    public String modelName() {
        return modelName;
    }

    /** The fheml version that wrote the bundle. */
    public String libraryVersion() {
        return libraryVersion;
    }

    public ClientCircuit circuit() {
        return circuit;
    }

    public InputEncoding inputEncoding() {
        return input;
    }

    public OutputDecoding outputDecoding() {
        return output;
    }

    public PostProcessing postProcessing() {
        return post;
    }

    /** The digest of the server specification this client belongs to (see {@code ServerBundle}). */
    public String specificationDigest() {
        return circuit.serverSpecificationDigest();
    }

    @Override
    public String toString() {
        return "ClientBundle(" + modelName + ", " + input.featureCount() + " features, " + post + ")";
    }
}

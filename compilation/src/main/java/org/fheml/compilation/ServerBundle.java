package org.fheml.compilation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fheml.tfhe.serialization.ArtifactException;
import org.fheml.tfhe.serialization.ArtifactHeader;
import org.fheml.tfhe.serialization.ArtifactReader;
import org.fheml.tfhe.serialization.ArtifactType;
import org.fheml.tfhe.serialization.ArtifactWriter;

/**
 * What a server needs to run a deployed model, and nothing secret: the circuit's server specification (parameters,
 * nodes, lookup tables; {@link Circuit#serverSpecification()}), its SHA-256 digest, and metadata (the model's name,
 * its arguments' shapes, the fheml version that wrote it). It is one {@link ArtifactType#SERVER_BUNDLE} artifact,
 * saved in a folder as {@value #FILE}. Loading checks the container (CRC, bounded sizes), the digest against the
 * specification, and the specification itself (every node against its operands), so that a damaged bundle is
 * refused with an {@link ArtifactException} at load, not at the first request.
 *
 * <p>Immutable, so thread-safe. {@link #open} makes a {@link ServerCircuit} for one client's evaluation keys.
 */
public final class ServerBundle {

    /** The file a bundle folder holds. */
    public static final String FILE = "server.fheml";

    private static final int MAX_NAME_BYTES = 1024;
    private static final int MAX_VERSION_BYTES = 64;
    private static final int MAX_RANK = 64;
    private static final int MAX_ARGUMENTS = 1 << 16;

    private final String modelName;
    private final String libraryVersion;
    private final String specificationDigest;
    private final List<Shape> argumentShapes;
    private final byte[] specification;
    /** The circuit's parameters, once read from the specification. */
    private volatile CircuitParameters parameters;

    private ServerBundle(String modelName, String libraryVersion, String specificationDigest,
            List<Shape> argumentShapes, byte[] specification) {
        this.modelName = modelName;
        this.libraryVersion = libraryVersion;
        this.specificationDigest = specificationDigest;
        this.argumentShapes = List.copyOf(argumentShapes);
        this.specification = specification;
    }

    /**
     * The bundle of a compiled circuit.
     *
     * @param modelName what the model is called (its estimator's class name, say), for servers' listings and logs
     * @throws CompilationException when the circuit cannot run on ciphertexts or holds what a server cannot run
     */
    public static ServerBundle of(Circuit circuit, String modelName) {
        if (modelName == null || modelName.isEmpty()) {
            throw new IllegalArgumentException("A server bundle needs a model name.");
        }
        byte[] specification = circuit.serverSpecification();
        List<Shape> shapes = circuit.graph().inputs().stream().map(Node::shape).toList();
        ServerBundle bundle = new ServerBundle(modelName, ArtifactHeader.currentLibraryVersion(),
                Digests.sha256Hex(specification), shapes, specification);
        bundle.parameters = circuit.parameters();
        return bundle;
    }

    /**
     * Reads the bundle of {@code dir}/{@value #FILE}.
     *
     * @throws BundleException when the file is missing, unreadable or damaged
     */
    public static ServerBundle load(Path dir) {
        return BundleFiles.read(dir, FILE, "server bundle", ServerBundle::fromBytes);
    }

    /**
     * Reads a bundle from its bytes ({@link #toBytes()}).
     *
     * @throws ArtifactException when they are damaged, truncated, or their digest does not match their specification
     */
    public static ServerBundle fromBytes(byte[] bytes) {
        ServerBundle bundle = ArtifactReader.read(bytes, ArtifactType.SERVER_BUNDLE, in -> {
            String name = in.readString(MAX_NAME_BYTES, "model name");
            String version = in.readString(MAX_VERSION_BYTES, "library version");
            String digest = in.readString(Digests.HEX_LENGTH, "specification digest");
            int count = in.readSize(MAX_ARGUMENTS, 4, "argument count");
            List<Shape> shapes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int[] dims = new int[in.readSize(MAX_RANK, 4, "rank")];
                for (int d = 0; d < dims.length; d++) {
                    dims[d] = in.readInt(0, Integer.MAX_VALUE, "dimension");
                }
                shapes.add(Shape.of(dims));
            }
            byte[] specification = in.readArtifact("circuit specification");
            if (!Digests.sha256Hex(specification).equals(digest)) {
                throw in.error("holds a circuit specification whose SHA-256 is not the digest it records: it is "
                        + "damaged or was altered.");
            }
            return new ServerBundle(name, version, digest, shapes, specification);
        });
        CircuitSpecification.Loaded loaded = CircuitSpecification.read(bundle.specification);
        bundle.parameters = loaded.parameters();
        List<Shape> actual = loaded.graph().inputs().stream().map(Node::shape).toList();
        if (!actual.equals(bundle.argumentShapes)) {
            throw new ArtifactException("The SERVER_BUNDLE artifact records argument shapes " + bundle.argumentShapes
                    + ", but its circuit takes " + actual + ": it is damaged.");
        }
        return bundle;
    }

    /** This bundle as one {@link ArtifactType#SERVER_BUNDLE} artifact. */
    public byte[] toBytes() {
        ArtifactWriter out = ArtifactWriter.of(ArtifactType.SERVER_BUNDLE).writeString(modelName, MAX_NAME_BYTES)
                .writeString(libraryVersion, MAX_VERSION_BYTES).writeString(specificationDigest, Digests.HEX_LENGTH);
        out.writeSize(argumentShapes.size());
        for (Shape shape : argumentShapes) {
            int[] dims = shape.dims();
            out.writeSize(dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
        }
        return out.writeArtifact(specification).toBytes();
    }

    /**
     * Writes {@code dir}/{@value #FILE} (creating the folder), atomically: a reader sees the old bundle or the new
     * one, never half of one.
     *
     * @throws BundleException when it cannot be written
     */
    public void save(Path dir) {
        BundleFiles.write(dir, FILE, toBytes(), false);
    }

    /**
     * A server circuit for one client: this bundle's circuit with that client's evaluation keys
     * ({@link ClientKeySet#evaluationKeys()}).
     *
     * @param threads threads for the bootstraps of all requests together
     * @throws ArtifactException when the keys are damaged or belong to another circuit's parameters
     */
    public ServerCircuit open(byte[] evaluationKeys, int threads) {
        return ServerCircuit.load(specification, evaluationKeys, threads);
    }

    /**
     * Checks, without building the server key, that evaluation keys suit this bundle's circuit (their form and
     * parameters), and returns their key-set id: what a server does when keys are uploaded, before it stores them.
     *
     * @throws ArtifactException when the keys are damaged or belong to another circuit's parameters
     */
    public KeySetId checkEvaluationKeys(byte[] evaluationKeys) {
        EvaluationKeysCodec.Decoded keys = EvaluationKeysCodec.read(evaluationKeys);
        switch (parameters()) {
            case CircuitParameters.Leveled leveled -> {
                if (keys.form() != EvaluationKeysCodec.Form.NONE) {
                    throw new ArtifactException("The EVALUATION_KEYS artifact holds a server key, but this circuit "
                            + "does not bootstrap: they are another model's keys.");
                }
            }
            case CircuitParameters.Bootstrapped bootstrapped -> keys.requireFits(bootstrapped, "another model's");
        }
        return keys.keySet();
    }

    private CircuitParameters parameters() {
        CircuitParameters current = parameters;
        if (current == null) {
            current = CircuitSpecification.read(specification).parameters();
            parameters = current;
        }
        return current;
    }

    /** The model's name, as the bundle's writer gave it. */
    public String modelName() {
        return modelName;
    }

    /** The fheml version that wrote the bundle. */
    public String libraryVersion() {
        return libraryVersion;
    }

    /**
     * SHA-256 of the circuit specification, in lowercase hexadecimal: it names the circuit, and equals the
     * {@link ClientCircuit#serverSpecificationDigest()} of its clients.
     */
    public String specificationDigest() {
        return specificationDigest;
    }

    /** The shapes of the circuit's arguments, in order (one argument of shape (features,) for most models). */
    public List<Shape> argumentShapes() {
        return argumentShapes;
    }

    /** The circuit's server specification, a {@link ArtifactType#CIRCUIT_SPECIFICATION} artifact. */
    public byte[] circuitSpecification() {
        return specification.clone();
    }

    @Override
    public String toString() {
        return "ServerBundle(" + modelName + ", " + specificationDigest.substring(0, 12) + "…, arguments "
                + argumentShapes + ", fheml " + libraryVersion + ")";
    }
}

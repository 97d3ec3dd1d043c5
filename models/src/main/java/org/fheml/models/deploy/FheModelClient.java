package org.fheml.models.deploy;

import java.nio.file.Path;
import org.fheml.compilation.BundleException;
import org.fheml.compilation.ClientKeySet;
import org.fheml.compilation.KeyDirectory;
import org.fheml.compilation.KeyProtection;
import org.fheml.compilation.KeySetId;
import org.fheml.compilation.KeySetMismatchException;
import org.fheml.compilation.WrongPassphraseException;
import org.fheml.core.InputValidation;

/**
 * The data owner's side of a deployed model (Concrete ML's {@code FHEModelClient}): it reads a client bundle, makes
 * or loads the secret key (kept in a {@link KeyDirectory}, encrypted with a passphrase), hands out the evaluation
 * keys for the server, turns rows of doubles into encrypted requests (quantize → encrypt → serialize), and the
 * server's encrypted results into predictions (deserialize → decrypt → dequantize → post-process).
 *
 * <pre>{@code
 * FheModelClient client = FheModelClient.load(modelDir.resolve("client"))
 *         .loadOrGenerateKeys(keyDir, KeyProtection.passphrase(passphrase));
 * byte[] evaluationKeys = client.evaluationKeys();      // to the server, once
 * byte[][] requests = client.encrypt(X);                // one request per row
 * byte[][] results = server.run(requests, evaluationKeys);
 * int[] labels = client.predict(results);
 * }</pre>
 *
 * <p>Thread-safe once it has keys: encryption and decryption may run on any number of threads.
 */
public final class FheModelClient {

    private final ClientBundle bundle;
    private volatile ClientKeySet keys;

    private FheModelClient(ClientBundle bundle) {
        this.bundle = bundle;
    }

    /**
     * The client of the bundle saved in {@code clientDir} (the {@code client} folder that {@code save} wrote).
     *
     * @throws BundleException when the bundle is missing or damaged
     */
    public static FheModelClient load(Path clientDir) {
        return new FheModelClient(ClientBundle.load(clientDir));
    }

    /** The client of a bundle given as bytes ({@link ClientBundle#toBytes()}), e.g. as a server hands it out. */
    public static FheModelClient fromBytes(byte[] clientBundle) {
        return new FheModelClient(ClientBundle.fromBytes(clientBundle));
    }

    /** The client of a bundle in memory. */
    public static FheModelClient of(ClientBundle bundle) {
        return new FheModelClient(bundle);
    }

    public ClientBundle bundle() {
        return bundle;
    }

    // ---- keys ----------------------------------------------------------------------------------------------------

    /**
     * Generates a key set and saves it into {@code keyDir}, the secret key protected as asked.
     *
     * @throws BundleException when {@code keyDir} already holds keys, or cannot be written
     */
    public FheModelClient generateKeys(Path keyDir, KeyProtection protection) {
        this.keys = KeyDirectory.create(keyDir, bundle.circuit(), protection);
        return this;
    }

    /**
     * Loads the key set saved in {@code keyDir}.
     *
     * @throws WrongPassphraseException when the passphrase is not the keys'
     * @throws BundleException          when the keys are missing, damaged, or another model's
     */
    public FheModelClient loadKeys(Path keyDir, KeyProtection protection) {
        this.keys = KeyDirectory.load(keyDir, bundle.circuit(), protection);
        return this;
    }

    /** {@link #loadKeys} when {@code keyDir} holds keys, else {@link #generateKeys}. */
    public FheModelClient loadOrGenerateKeys(Path keyDir, KeyProtection protection) {
        this.keys = KeyDirectory.loadOrCreate(keyDir, bundle.circuit(), protection);
        return this;
    }

    /** Generates a key set kept in memory only (gone when this client is): for tests and one-off sessions. */
    public FheModelClient generateEphemeralKeys() {
        this.keys = bundle.circuit().generateKeys();
        return this;
    }

    /**
     * Uses a key set made elsewhere for this model's circuit.
     *
     * @throws IllegalArgumentException when it was made for another circuit's parameters
     */
    public FheModelClient useKeys(ClientKeySet keySet) {
        if (keySet == null || !keySet.parameters().equals(bundle.circuit().parameters())) {
            throw new IllegalArgumentException("This key set was made for another model's parameters: generate "
                    + "keys for this one.");
        }
        this.keys = keySet;
        return this;
    }

    /** The key set in use. */
    public ClientKeySet keys() {
        return requireKeys();
    }

    /** The seeded evaluation keys for the server, an EVALUATION_KEYS artifact; nothing secret. */
    public byte[] evaluationKeys() {
        return requireKeys().evaluationKeys();
    }

    public KeySetId keySetId() {
        return requireKeys().keySetId();
    }

    // ---- requests ------------------------------------------------------------------------------------------------

    /**
     * Quantizes, encrypts and serializes every row of X: one request per row, each an ENCRYPTED_VALUES artifact
     * bound to this client's key set.
     *
     * @throws org.fheml.core.InvalidInputException when X does not have the model's features, or holds NaN or
     *                                              infinities
     */
    public byte[][] encrypt(double[][] X) {
        InputValidation.checkFeatures(X, featureCount());
        ClientKeySet keySet = requireKeys();
        byte[][] out = new byte[X.length][];
        for (int i = 0; i < X.length; i++) {
            out[i] = bundle.circuit().encrypt(keySet, bundle.inputEncoding().encode(X[i]));
        }
        return out;
    }

    /** {@link #encrypt(double[][])} of one row. */
    public byte[] encrypt(double[] row) {
        return encrypt(new double[][] {row})[0];
    }

    // ---- results -------------------------------------------------------------------------------------------------

    /**
     * The circuit's decrypted integers of every result.
     *
     * @throws IllegalArgumentException (an ArtifactException)       when a result is damaged or not this model's
     * @throws KeySetMismatchException when a result was computed for another key set
     */
    public long[][] decryptIntegers(byte[][] results) {
        if (results == null) {
            throw new IllegalArgumentException("The results are null.");
        }
        return bundle.circuit().decrypt(requireKeys(), results);
    }

    /**
     * The model's real outputs of every result: the scores before any link or probability map (a classifier's
     * decision function, a regressor's linear predictor, a raw model's outputs before a clear softmax).
     *
     * @throws UnsupportedOperationException when the circuit returns the class index only
     */
    public double[][] decisionFunction(byte[][] results) {
        return scores(decryptIntegers(results));
    }

    /**
     * The predicted labels.
     *
     * @throws UnsupportedOperationException when the model is not a classifier
     */
    public int[] predict(byte[][] results) {
        classification("predict");
        return labels(decryptIntegers(results));
    }

    /**
     * The class probabilities, columns ordered as {@link #classes()}.
     *
     * @throws UnsupportedOperationException when the model is not a classifier or gives no probabilities
     */
    public double[][] predictProba(byte[][] results) {
        requireProbabilities();
        return probabilities(decryptIntegers(results));
    }

    /**
     * A regressor's predictions: its first output, un-standardized if need be, through the inverse link.
     *
     * @throws UnsupportedOperationException when the model is not a regressor
     */
    public double[] predictValues(byte[][] results) {
        regression();
        return values(decryptIntegers(results));
    }

    /**
     * A raw model's outputs (an ONNX graph): dequantized, then through its clear softmax or log-softmax if it ends
     * with one.
     *
     * @throws UnsupportedOperationException when the model is a classifier or a regressor
     */
    public double[][] outputs(byte[][] results) {
        raw();
        return rawOutputs(decryptIntegers(results));
    }

    // ---- post-processing of decrypted integers (the same steps on the circuit's clear outputs in tests) -----------

    int[] labels(long[][] raw) {
        PostProcessing.Classification classification = classification("predict");
        int[] out = new int[raw.length];
        if (bundle.outputDecoding() instanceof OutputDecoding.ClassIndex) {
            for (int i = 0; i < out.length; i++) {
                long index = raw[i][0];
                if (index < 0 || index >= classification.classes().length) {
                    throw new IllegalStateException("Result " + i + " decrypts to class index " + index
                            + ", outside the " + classification.classes().length + " classes: it was not computed "
                            + "by this model's circuit.");
                }
                out[i] = classification.label((int) index);
            }
            return out;
        }
        double[][] scores = scores(raw);
        for (int i = 0; i < out.length; i++) {
            out[i] = classification.label(classification.predictedIndex(scores[i]));
        }
        return out;
    }

    double[][] probabilities(long[][] raw) {
        PostProcessing.Classification classification = requireProbabilities();
        double[][] scores = scores(raw);
        double[][] out = new double[scores.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = classification.probabilities().of(scores[i]);
        }
        return out;
    }

    double[] values(long[][] raw) {
        PostProcessing.Regression regression = regression();
        double[][] scores = scores(raw);
        double[] out = new double[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = regression.value(scores[i][0]);
        }
        return out;
    }

    double[][] rawOutputs(long[][] raw) {
        PostProcessing.Raw rawModel = raw();
        double[][] scores = scores(raw);
        for (double[] row : scores) {
            RawOutputs.softmax(row, rawModel.softmax());
        }
        return scores;
    }

    double[][] scores(long[][] raw) {
        double[][] out = new double[raw.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (bundle.outputDecoding()) {
                case OutputDecoding.Affine affine -> affine.decode(raw[i]);
                case OutputDecoding.Summed summed -> summed.decode(raw[i]);
                case OutputDecoding.ClassIndex index -> throw new UnsupportedOperationException(bundle.modelName()
                        + " takes the argmax inside the circuit: its results hold the label only, use predict.");
            };
        }
        return out;
    }

    private PostProcessing.Classification requireProbabilities() {
        PostProcessing.Classification classification = classification("predictProba");
        if (classification.probabilities() == PostProcessing.Probabilities.NONE) {
            throw new UnsupportedOperationException(bundle.modelName() + " gives no probabilities"
                    + (bundle.outputDecoding() instanceof OutputDecoding.ClassIndex ? " (its circuit returns the "
                            + "label only)" : "") + ": use predict.");
        }
        return classification;
    }

    private PostProcessing.Regression regression() {
        if (bundle.postProcessing() instanceof PostProcessing.Regression regression) {
            return regression;
        }
        throw new UnsupportedOperationException(bundle.modelName() + " is not a regressor: use "
                + (isClassifier() ? "predict or predictProba." : "outputs."));
    }

    private PostProcessing.Raw raw() {
        if (bundle.postProcessing() instanceof PostProcessing.Raw rawModel) {
            return rawModel;
        }
        throw new UnsupportedOperationException(bundle.modelName() + " is a " + (isClassifier() ? "classifier"
                : "regressor") + ": use " + (isClassifier() ? "predict or predictProba." : "predictValues."));
    }

    // ---- model ---------------------------------------------------------------------------------------------------

    public String modelName() {
        return bundle.modelName();
    }

    public int featureCount() {
        return bundle.inputEncoding().featureCount();
    }

    public boolean isClassifier() {
        return bundle.postProcessing() instanceof PostProcessing.Classification;
    }

    /**
     * The class labels, in the order of {@link #predictProba} columns.
     *
     * @throws UnsupportedOperationException when the model is not a classifier
     */
    public int[] classes() {
        return classification("classes").classes();
    }

    /** The digest of the server specification this client belongs to ({@code ServerBundle.specificationDigest()}). */
    public String specificationDigest() {
        return bundle.specificationDigest();
    }

    private PostProcessing.Classification classification(String what) {
        if (bundle.postProcessing() instanceof PostProcessing.Classification classification) {
            return classification;
        }
        throw new UnsupportedOperationException(bundle.modelName() + " is not a classifier, so it has no " + what
                + ": use " + (bundle.postProcessing() instanceof PostProcessing.Regression ? "predictValues."
                        : "outputs."));
    }

    private ClientKeySet requireKeys() {
        ClientKeySet current = keys;
        if (current == null) {
            throw new IllegalStateException("This client has no keys yet: call generateKeys, loadKeys or "
                    + "loadOrGenerateKeys first.");
        }
        return current;
    }
}

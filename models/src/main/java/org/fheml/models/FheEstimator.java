package org.fheml.models;

import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.core.FheMode;

/**
 * What every fheml estimator offers beside fit and predict: compiling its quantized model into a circuit, the
 * client's two steps around a server (quantizing inputs and dequantizing outputs), the settings of simulation,
 * and the one predict pipeline ({@link #predictIntegers}, {@link #predictScores}) its predictions go through.
 */
public abstract class FheEstimator {

    private final PredictPipeline pipeline = new PredictPipeline();

    /** The estimator's quantized model, to which these methods delegate. */
    protected abstract QuantizedModel quantizedModel();

    /** Compiles the quantized model on representative data X (usually the training set), with default options. */
    public Circuit compile(double[][] X) {
        return compile(X, CompileOptions.defaults());
    }

    /** Compiles the quantized model on representative data X (usually the training set). */
    public Circuit compile(double[][] X, CompileOptions options) {
        return quantizedModel().compile(X, options);
    }

    /**
     * The compiled circuit.
     *
     * @throws NotCompiledException before {@code compile}
     */
    public Circuit fheCircuit() {
        return quantizedModel().circuit();
    }

    /** The integers the circuit takes for these rows: one row of quantized features per row of X. */
    public long[][] quantizeInput(double[][] X) {
        return quantizedModel().quantizeInput(X);
    }

    /** The model's outputs in real units (scores before any link) from the circuit's integer outputs. */
    public double[][] dequantizeOutput(long[][] q) {
        return quantizedModel().dequantizeOutput(q);
    }

    /**
     * Saves the fitted, compiled model for deployment: {@code dir/server} holds the server bundle (the circuit,
     * nothing secret; {@link org.fheml.models.deploy.FheModelServer#load}) and {@code dir/client} the client bundle
     * (client specification, quantizers, post-processing, class names; {@link
     * org.fheml.models.deploy.FheModelClient#load}). Existing bundles in {@code dir} are replaced.
     *
     * @throws org.fheml.core.NotFittedException before fit
     * @throws NotCompiledException              before compile
     * @throws org.fheml.compilation.BundleException when the files cannot be written
     */
    public final void save(java.nio.file.Path dir) {
        requireFitted("save");
        QuantizedModel model = quantizedModel();
        org.fheml.models.deploy.ModelBundles.save(dir, model.estimatorName(), model.circuit(), model.clientInputEncoding(),
                model.clientOutputDecoding(), postProcessing());
    }

    /**
     * What a client does with the dequantized outputs in the clear (labels, probabilities, links), for a saved
     * model's client bundle.
     *
     * @throws UnsupportedOperationException for an estimator that cannot be saved
     */
    protected org.fheml.models.deploy.PostProcessing postProcessing() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be saved yet: it has no "
                + "client post-processing.");
    }

    public boolean isFitted() {
        return quantizedModel().isFitted();
    }

    /**
     * Throws unless the estimator is fitted ({@link #isFitted}).
     *
     * @throws org.fheml.core.NotFittedException naming the estimator and {@code what} was asked of it
     */
    protected final void requireFitted(String what) {
        if (!isFitted()) {
            throw new org.fheml.core.NotFittedException(quantizedModel().estimatorName(), what);
        }
    }

    public int featureCount() {
        return quantizedModel().featureCount();
    }

    /**
     * Seeds the generator from which {@link FheMode#SIMULATE} draws bootstrap errors: every SIMULATE call then
     * draws the same errors for the same rows. Without a seed, each call draws from a fresh seed.
     */
    public FheEstimator setRandomSeed(long seed) {
        pipeline.setRandomSeed(seed);
        return this;
    }

    /**
     * Whether {@link FheMode#SIMULATE} draws bootstrap errors at the circuit's failure probability (the default,
     * which shows the accuracy EXECUTE will have), or none, so that SIMULATE equals DISABLE row for row whenever
     * the circuit's roundings are exact.
     */
    public FheEstimator setSimulateBootstrapErrors(boolean draw) {
        pipeline.setSimulateBootstrapErrors(draw);
        return this;
    }

    public boolean simulatesBootstrapErrors() {
        return pipeline.simulatesBootstrapErrors();
    }

    /** The circuit's integer outputs for every row of X in one mode: validate, quantize, run. */
    protected final long[][] predictIntegers(double[][] X, FheMode mode, String what) {
        return pipeline.integers(quantizedModel(), X, mode, what);
    }

    /** {@link #predictIntegers}, dequantized: real scores before any post-processing. */
    protected final double[][] predictScores(double[][] X, FheMode mode, String what) {
        return pipeline.scores(quantizedModel(), X, mode, what);
    }

    /** The one score of every row of X ({@link #predictScores} of a single-output model), as a regressor predicts. */
    protected final double[] predictValues(double[][] X, FheMode mode, String what) {
        double[][] scores = predictScores(X, mode, what);
        double[] out = new double[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scores[i][0];
        }
        return out;
    }
}

package org.fheml.models.tree;

import org.fheml.core.FheMode;
import org.fheml.core.InputValidation;
import org.fheml.core.Regressor;
import org.fheml.models.FheEstimator;
import org.fheml.models.QuantizedModel;
import org.fheml.quantization.FeatureQuantizer;
import smile.data.Tuple;

/**
 * A tree regressor on encrypted data: features quantized per feature (n_bits 6 by default) before training with
 * Smile, so that every split is an integer comparison; the trees compiled into a GEMM circuit of comparison
 * lookups; the per-tree outputs summed in the clear after decryption unless {@link #setSumInCircuit} moves the
 * sum into the circuit.
 *
 * @param <S> the concrete estimator, returned by the fluent setters and {@code fit}
 */
public abstract class TreeRegressorBase<S extends TreeRegressorBase<S>>
        extends FheEstimator implements Regressor {

    private final TreeEstimatorState state = new TreeEstimatorState(getClass().getSimpleName());

    @Override
    protected QuantizedModel quantizedModel() {
        return state;
    }
    private final TreeSettings settings;
    private smile.regression.Regression<Tuple> floatModel;

    TreeRegressorBase(int defaultMaxDepth) {
        this.settings = new TreeSettings(defaultMaxDepth);
    }

    /** A Smile model trained on X, and its trees read as an ensemble. */
    record Trained(smile.regression.Regression<Tuple> model, TreeEnsemble ensemble) {
    }

    abstract Trained train(double[][] X, double[] y, TreeSettings settings);

    @SuppressWarnings("unchecked")
    protected final S self() {
        return (S) this;
    }

    /** op_inputs = op_leaves = n bits. */
    public S setNBits(int nBits) {
        return setNBits(TreeNBits.of(nBits));
    }

    public S setNBits(TreeNBits nBits) {
        state.setNBits(nBits);
        return self();
    }

    public TreeNBits nBits() {
        return state.nBits();
    }

    /** The most splits on a path from the root to a leaf (scikit-learn's max_depth), or 0 for unbounded. */
    public S setMaxDepth(int maxDepth) {
        settings.setMaxDepth(maxDepth);
        return self();
    }

    public S setMinSamplesLeaf(int minSamplesLeaf) {
        settings.setMinSamplesLeaf(minSamplesLeaf);
        return self();
    }

    /** The largest number of leaves per tree, or 0 for as many as the depth allows. */
    public S setMaxLeafNodes(int maxLeafNodes) {
        settings.setMaxLeafNodes(maxLeafNodes);
        return self();
    }

    public S setSeed(long seed) {
        settings.setSeed(seed);
        return self();
    }

    /** Sums the trees inside the circuit, so that the client decrypts one value instead of one per tree. */
    public S setSumInCircuit(boolean inCircuit) {
        state.setOutput(inCircuit ? EnsembleOutput.SUM : EnsembleOutput.PER_TREE);
        return self();
    }

    public EnsembleOutput ensembleOutput() {
        return state.output();
    }

    @Override
    public S fit(double[][] X, double[] y) {
        InputValidation.checkTargets(X, y);
        FeatureQuantizer quantizer = state.calibrate(X);
        Trained quantized = train(TreeEstimatorState.quantizedForTraining(quantizer, X), y, settings);
        Trained reference = train(X, y, settings);
        state.fitted(quantizer, quantized.ensemble());
        this.floatModel = reference.model();
        return self();
    }

    @Override
    public double[] predict(double[][] X, FheMode mode) {
        double[][] scores = state.scores(X, mode, "predict");
        double[] out = new double[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scores[i][0];
        }
        return out;
    }

    /** The predictions of the same Smile model trained on the float features: the reference. */
    public double[] floatPredict(double[][] X) {
        state.check(X, "floatPredict");
        Tuple[] rows = SmileData.rows(X);
        double[] out = new double[X.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = floatModel.predict(rows[i]);
        }
        return out;
    }

    QuantizedEnsemble quantizedEnsemble() {
        return state.quantized();
    }
}

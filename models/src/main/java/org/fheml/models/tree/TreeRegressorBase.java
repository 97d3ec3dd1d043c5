package org.fheml.models.tree;

import org.fheml.core.FheMode;
import org.fheml.core.InputValidation;
import org.fheml.models.FheRegressor;
import org.fheml.quantization.FeatureQuantizer;

/**
 * A tree regressor on encrypted data: features quantized per feature (n_bits 6 by default) before training with
 * Smile, so that every split is an integer comparison; the trees compiled into a GEMM circuit of comparison
 * lookups; the per-tree outputs summed in the clear after decryption unless {@link #setSumInCircuit} moves the
 * sum into the circuit.
 *
 * @param <S> the concrete estimator, returned by the fluent setters and {@code fit}
 */
public abstract class TreeRegressorBase<S extends TreeRegressorBase<S>>
        extends TreeEstimatorBase<S> implements FheRegressor {

    private TreeEnsemble floatEnsemble;

    TreeRegressorBase(int defaultMaxDepth) {
        super(defaultMaxDepth);
    }

    /** The trees trained on X, as an ensemble. */
    record Trained(TreeEnsemble ensemble) {
    }

    abstract Trained train(double[][] X, double[] y, TreeSettings settings);

    /** The trees' summed scores, unchanged. */
    @Override
    protected org.fheml.models.deploy.PostProcessing postProcessing() {
        return new org.fheml.models.deploy.PostProcessing.Regression(
                org.fheml.models.deploy.PostProcessing.Link.IDENTITY);
    }

    @Override
    public S fit(double[][] X, double[] y) {
        InputValidation.checkTargets(X, y);
        FeatureQuantizer quantizer = state.calibrate(X);
        Trained quantized = train(TreeEstimatorState.quantizedForTraining(quantizer, X), y, settings);
        Trained reference = train(X, y, settings);
        return fitted(quantizer, quantized.ensemble(), reference.ensemble());
    }

    /** Records a fitted model: the ensemble on features quantized by {@code quantizer}, and its float reference. */
    S fitted(FeatureQuantizer quantizer, TreeEnsemble quantized, TreeEnsemble reference) {
        state.fitted(quantizer, quantized);
        this.floatEnsemble = reference;
        return self();
    }

    @Override
    public double[] predict(double[][] X, FheMode mode) {
        return predictValues(X, mode, "predict");
    }

    /** Fits, and returns this estimator with the same trees trained on the float features. */
    @Override
    public TreeFitBenchmark<S, TreeEnsemble> fitBenchmark(double[][] X, double[] y) {
        fit(X, y);
        return new TreeFitBenchmark<>(self(), floatEnsemble);
    }

    /** The predictions of the same model trained on the float features (its trees summed): the reference. */
    @Override
    public double[] floatPredict(double[][] X) {
        state.check(X, "floatPredict");
        double[] out = new double[X.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = floatEnsemble.scores(X[i])[0];
        }
        return out;
    }

    QuantizedEnsemble quantizedEnsemble() {
        return state.quantized();
    }
}

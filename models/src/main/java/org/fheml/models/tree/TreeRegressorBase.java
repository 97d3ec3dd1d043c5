package org.fheml.models.tree;

import org.fheml.core.FheMode;
import org.fheml.core.InputValidation;
import org.fheml.models.FheRegressor;
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
        extends TreeEstimatorBase<S> implements FheRegressor {

    private smile.regression.Regression<Tuple> floatModel;

    TreeRegressorBase(int defaultMaxDepth) {
        super(defaultMaxDepth);
    }

    /** A Smile model trained on X, and its trees read as an ensemble. */
    record Trained(smile.regression.Regression<Tuple> model, TreeEnsemble ensemble) {
    }

    abstract Trained train(double[][] X, double[] y, TreeSettings settings);

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
        double[][] scores = predictScores(X, mode, "predict");
        double[] out = new double[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scores[i][0];
        }
        return out;
    }

    /** Fits, and returns this estimator with the same Smile model trained on the float features. */
    @Override
    public TreeFitBenchmark<S, smile.regression.Regression<Tuple>> fitBenchmark(double[][] X, double[] y) {
        fit(X, y);
        return new TreeFitBenchmark<>(self(), floatModel);
    }

    /** The predictions of the same Smile model trained on the float features: the reference. */
    @Override
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

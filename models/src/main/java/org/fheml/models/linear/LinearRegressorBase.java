package org.fheml.models.linear;

import org.fheml.core.FheMode;
import org.fheml.core.InputValidation;
import org.fheml.models.FheRegressor;

/**
 * A linear regressor: trained in the clear, quantized (n_bits 8 by default), compiled into a circuit without
 * bootstraps, and run in every {@link FheMode}; the inverse link, if any, is applied in the clear afterwards.
 *
 * @param <S> the concrete estimator, returned by the fluent setters and {@code fit}
 */
public abstract class LinearRegressorBase<S extends LinearRegressorBase<S>>
        extends LinearEstimatorBase<S> implements FheRegressor {

    /** Trains the float model on validated data. */
    protected abstract FloatLinearModel train(double[][] X, double[] y);

    /** Maps a linear score to a prediction: the identity, or a GLM's inverse link. */
    protected double inverseLink(double score) {
        return score;
    }

    /** The inverse link of a saved model: the identity, or a GLM's. */
    protected org.fheml.models.deploy.PostProcessing.Link link() {
        return org.fheml.models.deploy.PostProcessing.Link.IDENTITY;
    }

    @Override
    protected org.fheml.models.deploy.PostProcessing postProcessing() {
        return new org.fheml.models.deploy.PostProcessing.Regression(link());
    }

    @Override
    public S fit(double[][] X, double[] y) {
        InputValidation.checkTargets(X, y);
        state.fitted(train(X, y), X);
        return self();
    }

    /** Fits, and returns this estimator with the float model it was quantized from. */
    @Override
    public FitBenchmark<S> fitBenchmark(double[][] X, double[] y) {
        fit(X, y);
        return new FitBenchmark<>(self(), state.floatModel());
    }

    @Override
    public double[] predict(double[][] X, FheMode mode) {
        return link(predictScores(X, mode, "predict"));
    }

    /** The float model's predictions, the reference for the quantized ones. */
    @Override
    public double[] floatPredict(double[][] X) {
        return link(state.floatScores(X));
    }

    private double[] link(double[][] scores) {
        double[] out = new double[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = inverseLink(scores[i][0]);
        }
        return out;
    }
}

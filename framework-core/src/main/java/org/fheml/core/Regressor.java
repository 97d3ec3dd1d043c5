package org.fheml.core;

/** An estimator that predicts one real value per row. */
public interface Regressor extends Estimator {

    /**
     * Learns from {@code X} (one row per sample) and the target {@code y}, forgetting any earlier fit.
     *
     * @return this estimator, so that calls can be chained
     * @throws InvalidInputException when X is empty, ragged or not finite, or y does not match it
     */
    Regressor fit(double[][] X, double[] y);

    /**
     * The prediction for each row of {@code X}, computed in the given mode.
     *
     * @throws NotFittedException before the first {@code fit}
     * @throws InvalidInputException when X is empty, ragged, not finite, or has the wrong number of features
     */
    double[] predict(double[][] X, FheMode mode);

    /** {@link #predict(double[][], FheMode)} in {@link FheMode#DISABLE}. */
    default double[] predict(double[][] X) {
        return predict(X, FheMode.DISABLE);
    }
}

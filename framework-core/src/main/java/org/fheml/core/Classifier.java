package org.fheml.core;

/**
 * An estimator that assigns each row one of the labels it saw during training. Labels are arbitrary integers;
 * {@link #classes()} lists them in ascending order, and predictions are always members of that list.
 */
public interface Classifier extends Estimator {

    /**
     * Learns from {@code X} (one row per sample) and {@code y} (one label per row), forgetting any earlier fit.
     *
     * @return this estimator, so that calls can be chained
     * @throws InvalidInputException when X is empty, ragged or not finite, or y does not match it
     */
    Classifier fit(double[][] X, int[] y);

    /**
     * The label of each row of {@code X}, computed in the given mode.
     *
     * @throws NotFittedException before the first {@code fit}
     * @throws InvalidInputException when X is empty, ragged, not finite, or has the wrong number of features
     */
    int[] predict(double[][] X, FheMode mode);

    /** {@link #predict(double[][], FheMode)} in {@link FheMode#DISABLE}. */
    default int[] predict(double[][] X) {
        return predict(X, FheMode.DISABLE);
    }

    /**
     * The distinct training labels in ascending order; {@code predictProba} columns follow this order.
     *
     * @throws NotFittedException before the first {@code fit}
     */
    int[] classes();
}

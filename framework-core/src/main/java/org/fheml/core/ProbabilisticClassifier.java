package org.fheml.core;

/** A classifier that also gives, for every row, a probability for each of its {@link #classes()}. */
public interface ProbabilisticClassifier extends Classifier {

    @Override
    ProbabilisticClassifier fit(double[][] X, int[] y);

    /**
     * One row per row of {@code X} and one column per entry of {@link #classes()}, in that order; each row sums to 1.
     *
     * @throws NotFittedException before the first {@code fit}
     * @throws InvalidInputException when X is empty, ragged, not finite, or has the wrong number of features
     */
    double[][] predictProba(double[][] X, FheMode mode);

    /** {@link #predictProba(double[][], FheMode)} in {@link FheMode#DISABLE}. */
    default double[][] predictProba(double[][] X) {
        return predictProba(X, FheMode.DISABLE);
    }
}

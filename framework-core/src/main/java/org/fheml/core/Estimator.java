package org.fheml.core;

/**
 * What every fheml estimator shares, in the manner of scikit-learn: the constructor stores hyperparameters with
 * their defaults, fluent setters return {@code this}, {@code fit} validates its input, learns, and returns
 * {@code this}, and fitted accessors throw {@link NotFittedException} before the first {@code fit}.
 * A second {@code fit} replaces everything the first one learned.
 */
public interface Estimator {

    /** Whether {@code fit} has completed at least once. */
    boolean isFitted();

    /**
     * The number of features per row seen by the last {@code fit}; every later input must have it.
     *
     * @throws NotFittedException before the first {@code fit}
     */
    int featureCount();
}

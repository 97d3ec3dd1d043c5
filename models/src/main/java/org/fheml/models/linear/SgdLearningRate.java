package org.fheml.models.linear;

/**
 * The step size schedule of an SGD estimator, as scikit-learn's {@code learning_rate}: at step t (from 1),
 * OPTIMAL is 1 / (alpha · (t0 + t − 1)) with Bottou's heuristic t0, CONSTANT is eta0, INVSCALING is
 * eta0 / t^power_t, and ADAPTIVE is eta0 divided by 5 each time the loss stops improving.
 */
public enum SgdLearningRate {
    OPTIMAL, CONSTANT, INVSCALING, ADAPTIVE
}

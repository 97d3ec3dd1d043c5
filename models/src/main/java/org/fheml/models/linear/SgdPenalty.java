package org.fheml.models.linear;

/** The penalty of an SGD estimator, as scikit-learn's {@code penalty}: l2 (default), l1, elasticnet or none. */
public enum SgdPenalty {
    NONE, L2, L1, ELASTICNET;

    /** The share of alpha that goes to the L1 term. */
    double l1Share(double l1Ratio) {
        return switch (this) {
            case NONE, L2 -> 0;
            case L1 -> 1;
            case ELASTICNET -> l1Ratio;
        };
    }

    /** The share of alpha that goes to the L2 term. */
    double l2Share(double l1Ratio) {
        return switch (this) {
            case NONE -> 0;
            case L2 -> 1;
            case L1 -> 0;
            case ELASTICNET -> 1 - l1Ratio;
        };
    }
}

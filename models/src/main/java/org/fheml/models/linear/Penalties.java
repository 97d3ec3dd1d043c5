package org.fheml.models.linear;

/** Validation of regularisation hyperparameters. */
final class Penalties {

    private Penalties() {
    }

    static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be non-negative and finite, got " + value + ".");
        }
        return value;
    }

    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value + ".");
        }
        return value;
    }
}

package org.fheml.models.linear;

/**
 * The losses SGD minimizes, with their derivative in the score p, as scikit-learn's {@code _sgd_fast}: the three
 * classification losses take y in {−1, +1}, the three regression losses a real y; epsilon is Huber's and the
 * insensitive loss's threshold.
 */
enum SgdObjective {
    HINGE, LOG_LOSS, MODIFIED_HUBER, SQUARED_ERROR, HUBER, EPSILON_INSENSITIVE;

    double loss(double p, double y, double epsilon) {
        double z = p * y;
        double r = p - y;
        return switch (this) {
            case HINGE -> Math.max(0, 1 - z);
            case LOG_LOSS -> z > 18 ? Math.exp(-z) : z < -18 ? -z : Math.log1p(Math.exp(-z));
            case MODIFIED_HUBER -> z >= 1 ? 0 : z >= -1 ? (1 - z) * (1 - z) : -4 * z;
            case SQUARED_ERROR -> 0.5 * r * r;
            case HUBER -> Math.abs(r) <= epsilon ? 0.5 * r * r : epsilon * Math.abs(r) - 0.5 * epsilon * epsilon;
            case EPSILON_INSENSITIVE -> Math.max(0, Math.abs(r) - epsilon);
        };
    }

    double derivative(double p, double y, double epsilon) {
        double z = p * y;
        double r = p - y;
        return switch (this) {
            case HINGE -> z <= 1 ? -y : 0;
            case LOG_LOSS -> z > 18 ? -y * Math.exp(-z) : z < -18 ? -y : -y / (Math.exp(z) + 1);
            case MODIFIED_HUBER -> z >= 1 ? 0 : z >= -1 ? -2 * (1 - z) * y : -4 * y;
            case SQUARED_ERROR -> r;
            case HUBER -> Math.abs(r) <= epsilon ? r : r > 0 ? epsilon : -epsilon;
            case EPSILON_INSENSITIVE -> r > epsilon ? 1 : -r > epsilon ? -1 : 0;
        };
    }
}

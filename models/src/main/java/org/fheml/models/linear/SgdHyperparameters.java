package org.fheml.models.linear;

/** The hyperparameters both SGD estimators share, validated when set; defaults are scikit-learn's. */
final class SgdHyperparameters {

    SgdPenalty penalty = SgdPenalty.L2;
    double alpha = 1e-4;
    double l1Ratio = 0.15;
    SgdLearningRate learningRate;
    double eta0;
    double powerT;
    int maxIter = 1000;
    double tol = 1e-3;
    int nIterNoChange = 5;
    boolean shuffle = true;
    long seed = 42;
    double epsilon = 0.1;

    SgdHyperparameters(SgdLearningRate learningRate, double eta0, double powerT) {
        this.learningRate = learningRate;
        this.eta0 = eta0;
        this.powerT = powerT;
    }

    void penalty(SgdPenalty value) {
        this.penalty = java.util.Objects.requireNonNull(value, "penalty");
    }

    void alpha(double value) {
        this.alpha = Penalties.nonNegative("alpha", value);
    }

    void l1Ratio(double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("l1Ratio must be in [0, 1], got " + value + ".");
        }
        this.l1Ratio = value;
    }

    void learningRate(SgdLearningRate value) {
        this.learningRate = java.util.Objects.requireNonNull(value, "learningRate");
    }

    void eta0(double value) {
        this.eta0 = Penalties.nonNegative("eta0", value);
    }

    void powerT(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("powerT must be finite, got " + value + ".");
        }
        this.powerT = value;
    }

    void maxIter(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxIter must be at least 1, got " + value + ".");
        }
        this.maxIter = value;
    }

    /** NaN turns the stopping rule off (scikit-learn's tol=None). */
    void tol(double value) {
        if (!(Double.isNaN(value) || value >= 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException("tol must be non-negative and finite, or NaN for none, got " + value
                    + ".");
        }
        this.tol = value;
    }

    void nIterNoChange(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("nIterNoChange must be at least 1, got " + value + ".");
        }
        this.nIterNoChange = value;
    }

    void epsilon(double value) {
        this.epsilon = Penalties.nonNegative("epsilon", value);
    }

    SgdSolver.Settings settings(SgdObjective objective) {
        if (learningRate != SgdLearningRate.OPTIMAL && !(eta0 > 0)) {
            throw new IllegalArgumentException("The " + learningRate + " learning rate needs eta0 > 0, got " + eta0
                    + ": call setEta0.");
        }
        if (learningRate == SgdLearningRate.OPTIMAL && !(alpha > 0)) {
            throw new IllegalArgumentException("The OPTIMAL learning rate needs alpha > 0: set alpha, or another "
                    + "learning rate.");
        }
        return new SgdSolver.Settings(objective, penalty, alpha, l1Ratio, learningRate, eta0, powerT, maxIter, tol,
                nIterNoChange, shuffle, seed, epsilon);
    }
}

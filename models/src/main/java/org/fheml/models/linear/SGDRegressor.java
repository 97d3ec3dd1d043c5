package org.fheml.models.linear;

/**
 * A linear regressor trained by stochastic gradient descent, as scikit-learn's {@code SGDRegressor}: losses
 * squared error (default), Huber and epsilon-insensitive, penalties l2 (default), l1 and elasticnet, the learning
 * rates INVSCALING (default, eta0 0.01, powerT 0.25), CONSTANT, OPTIMAL and ADAPTIVE, and scikit-learn's
 * stopping rule. It trains on standardized features (as scikit-learn's SGD behind a StandardScaler) and maps the
 * weights back to raw ones; inference is the linear models' circuit, in every mode.
 */
public final class SGDRegressor extends LinearRegressorBase<SGDRegressor> {

    /** The loss, as scikit-learn's {@code loss}. */
    public enum Loss {
        SQUARED_ERROR, HUBER, EPSILON_INSENSITIVE;

        SgdObjective objective() {
            return switch (this) {
                case SQUARED_ERROR -> SgdObjective.SQUARED_ERROR;
                case HUBER -> SgdObjective.HUBER;
                case EPSILON_INSENSITIVE -> SgdObjective.EPSILON_INSENSITIVE;
            };
        }
    }

    private Loss loss = Loss.SQUARED_ERROR;
    private final SgdHyperparameters hyper = new SgdHyperparameters(SgdLearningRate.INVSCALING, 0.01, 0.25);

    public SGDRegressor setLoss(Loss loss) {
        this.loss = java.util.Objects.requireNonNull(loss, "loss");
        return this;
    }

    public SGDRegressor setPenalty(SgdPenalty penalty) {
        hyper.penalty(penalty);
        return this;
    }

    /** The penalty's strength (default 1e−4). */
    public SGDRegressor setAlpha(double alpha) {
        hyper.alpha(alpha);
        return this;
    }

    /** The elastic net's L1 share (default 0.15). */
    public SGDRegressor setL1Ratio(double l1Ratio) {
        hyper.l1Ratio(l1Ratio);
        return this;
    }

    public SGDRegressor setLearningRate(SgdLearningRate learningRate) {
        hyper.learningRate(learningRate);
        return this;
    }

    public SGDRegressor setEta0(double eta0) {
        hyper.eta0(eta0);
        return this;
    }

    public SGDRegressor setPowerT(double powerT) {
        hyper.powerT(powerT);
        return this;
    }

    /** The most epochs (default 1000). */
    public SGDRegressor setMaxIter(int maxIter) {
        hyper.maxIter(maxIter);
        return this;
    }

    /** The stopping rule's tolerance (default 1e−3); NaN runs every epoch. */
    public SGDRegressor setTol(double tol) {
        hyper.tol(tol);
        return this;
    }

    public SGDRegressor setNIterNoChange(int epochs) {
        hyper.nIterNoChange(epochs);
        return this;
    }

    public SGDRegressor setShuffle(boolean shuffle) {
        hyper.shuffle = shuffle;
        return this;
    }

    /** The seed of the sample order: fits with one seed are identical (default 42). */
    public SGDRegressor setSeed(long seed) {
        hyper.seed = seed;
        return this;
    }

    /** Huber's and the insensitive loss's threshold (default 0.1). */
    public SGDRegressor setEpsilon(double epsilon) {
        hyper.epsilon(epsilon);
        return this;
    }

    @Override
    protected FloatLinearModel train(double[][] X, double[] y) {
        SgdSolver.Settings settings = hyper.settings(loss.objective());
        Standardization standardization = Standardization.of(X);
        double[] coefficients = SgdSolver.fit(standardization.apply(X), y, settings);
        double[] w = java.util.Arrays.copyOf(coefficients, coefficients.length - 1);
        return standardization.toRaw(FloatLinearModel.ofVector(w, coefficients[coefficients.length - 1]));
    }
}

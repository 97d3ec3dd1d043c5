package org.fheml.models;

/**
 * An {@link FheEstimator} whose fluent setters return the concrete estimator, as scikit-learn's {@code set_params}
 * returns the estimator: what the linear, tree, network and k-NN bases extend, so that
 * {@code new LogisticRegression().setRandomSeed(1).setNBits(8)} keeps its type.
 *
 * @param <S> the concrete estimator, returned by the fluent setters
 */
public abstract class FluentFheEstimator<S extends FluentFheEstimator<S>> extends FheEstimator {

    /** This estimator as its concrete type, what a fluent setter returns. */
    @SuppressWarnings("unchecked")
    protected final S self() {
        return (S) this;
    }

    @Override
    public S setRandomSeed(long seed) {
        super.setRandomSeed(seed);
        return self();
    }

    @Override
    public S setSimulateBootstrapErrors(boolean draw) {
        super.setSimulateBootstrapErrors(draw);
        return self();
    }
}

package org.fheml.models.linear;

/** Poisson regression (log link) for counts, as scikit-learn's PoissonRegressor. */
public final class PoissonRegressor extends GeneralizedLinearRegressor<PoissonRegressor> {

    @Override
    protected double power() {
        return 1;
    }
}

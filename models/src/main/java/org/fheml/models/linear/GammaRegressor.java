package org.fheml.models.linear;

/** Gamma regression (log link) for positive, skewed targets, as scikit-learn's GammaRegressor. */
public final class GammaRegressor extends GeneralizedLinearRegressor<GammaRegressor> {

    @Override
    protected double power() {
        return 2;
    }
}

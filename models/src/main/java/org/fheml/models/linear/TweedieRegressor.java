package org.fheml.models.linear;

/**
 * Tweedie regression, as scikit-learn's TweedieRegressor: power 0 (the default) is least squares with an
 * identity link; power 1 Poisson, between 1 and 2 compound Poisson-gamma, 2 gamma, 3 inverse Gaussian, all with
 * a log link.
 */
public final class TweedieRegressor extends GeneralizedLinearRegressor<TweedieRegressor> {

    private double power;

    public TweedieRegressor setPower(double power) {
        if (!(power == 0 || (power >= 1 && power <= 3))) {
            throw new IllegalArgumentException("power must be 0 or lie in [1, 3], got " + power + ".");
        }
        this.power = power;
        return this;
    }

    @Override
    protected double power() {
        return power;
    }
}

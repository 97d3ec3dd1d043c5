package org.fheml.models.linear;

import org.fheml.core.InvalidInputException;

/**
 * A generalized linear regressor on encrypted data: the circuit computes the linear predictor η = x·w + b on
 * ciphertexts, and the inverse link (exp for the log link) runs in the clear after decryption.
 *
 * @param <S> the concrete estimator
 */
public abstract class GeneralizedLinearRegressor<S extends GeneralizedLinearRegressor<S>>
        extends LinearRegressorBase<S> {

    private double alpha = 1.0;

    /** The L2 penalty of scikit-learn's objective (default 1.0). */
    public S setAlpha(double alpha) {
        this.alpha = Penalties.nonNegative("alpha", alpha);
        return self();
    }

    /** The Tweedie power of the deviance. */
    protected abstract double power();

    @Override
    protected FloatLinearModel train(double[][] X, double[] y) {
        double p = power();
        for (int i = 0; i < y.length; i++) {
            boolean valid = p == 0 || (p > 0 && p < 2 ? y[i] >= 0 : y[i] > 0);
            if (!valid) {
                throw new InvalidInputException("y[" + i + "] = " + y[i] + " is outside the support of "
                        + getClass().getSimpleName() + " (power " + p + "): targets must be "
                        + (p > 0 && p < 2 ? "non-negative" : "positive") + ".");
            }
        }
        return new TweedieSolver(p, alpha).fit(X, y);
    }

    @Override
    protected org.fheml.models.deploy.PostProcessing.Link link() {
        return power() == 0 ? org.fheml.models.deploy.PostProcessing.Link.IDENTITY
                : org.fheml.models.deploy.PostProcessing.Link.EXP;
    }

    @Override
    protected double inverseLink(double score) {
        return power() == 0 ? score : Math.exp(score);
    }
}

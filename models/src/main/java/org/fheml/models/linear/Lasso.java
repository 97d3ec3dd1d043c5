package org.fheml.models.linear;

/**
 * Least squares with an L1 penalty, scikit-learn's objective (1/2n)·‖y − Xw‖² + alpha·‖w‖₁ (default alpha 1.0),
 * trained by coordinate descent as in scikit-learn.
 */
public final class Lasso extends LinearRegressorBase<Lasso> {

    private double alpha = 1.0;

    public Lasso setAlpha(double alpha) {
        this.alpha = Penalties.nonNegative("alpha", alpha);
        return this;
    }

    @Override
    protected FloatLinearModel train(double[][] X, double[] y) {
        return CoordinateDescent.fit(X, y, alpha, 1.0);
    }
}

package org.fheml.models.linear;

/**
 * Least squares with an L1 penalty, scikit-learn's objective (1/2n)·‖y − Xw‖² + alpha·‖w‖₁ (default alpha 1.0),
 * trained with Smile's LASSO (whose λ is 2n·alpha).
 */
public final class Lasso extends LinearRegressorBase<Lasso> {

    private double alpha = 1.0;

    public Lasso setAlpha(double alpha) {
        this.alpha = Penalties.nonNegative("alpha", alpha);
        return this;
    }

    @Override
    protected FloatLinearModel train(double[][] X, double[] y) {
        double lambda = 2.0 * X.length * alpha;
        return SmileFrames.fitVaryingColumns(X, y,
                frame -> smile.regression.LASSO.fit(SmileFrames.TARGET, frame, new smile.regression.LASSO.Options(lambda)));
    }
}

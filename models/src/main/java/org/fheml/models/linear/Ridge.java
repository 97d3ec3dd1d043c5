package org.fheml.models.linear;

/** Least squares with an L2 penalty alpha·‖w‖² (scikit-learn's objective; default 1.0), trained with Smile. */
public final class Ridge extends LinearRegressorBase<Ridge> {

    private double alpha = 1.0;

    public Ridge setAlpha(double alpha) {
        this.alpha = Penalties.nonNegative("alpha", alpha);
        return this;
    }

    @Override
    protected FloatLinearModel train(double[][] X, double[] y) {
        return SmileFrames.fitVaryingColumns(X, y,
                frame -> smile.regression.RidgeRegression.fit(SmileFrames.TARGET, frame, alpha));
    }
}

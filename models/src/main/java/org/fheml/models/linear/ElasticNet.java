package org.fheml.models.linear;

/**
 * Least squares with L1 and L2 penalties, scikit-learn's objective (1/2n)·‖y − Xw‖² + alpha·l1Ratio·‖w‖₁
 * + ½·alpha·(1 − l1Ratio)·‖w‖² (defaults alpha 1.0, l1Ratio 0.5), trained by coordinate descent as in scikit-learn.
 */
public final class ElasticNet extends LinearRegressorBase<ElasticNet> {

    private double alpha = 1.0;
    private double l1Ratio = 0.5;

    public ElasticNet setAlpha(double alpha) {
        this.alpha = Penalties.nonNegative("alpha", alpha);
        return this;
    }

    public ElasticNet setL1Ratio(double l1Ratio) {
        if (!(l1Ratio > 0 && l1Ratio < 1)) {
            throw new IllegalArgumentException("l1Ratio must lie strictly between 0 and 1 (use Lasso or Ridge for "
                    + "the ends), got " + l1Ratio + ".");
        }
        this.l1Ratio = l1Ratio;
        return this;
    }

    @Override
    protected FloatLinearModel train(double[][] X, double[] y) {
        return CoordinateDescent.fit(X, y, alpha, l1Ratio);
    }
}

package org.fheml.models.linear;

/** Ordinary least squares on encrypted data, trained with Smile's OLS (needs OpenBLAS). */
public final class LinearRegression extends LinearRegressorBase<LinearRegression> {

    @Override
    protected FloatLinearModel train(double[][] X, double[] y) {
        return SmileFrames.fitVaryingColumns(X, y, frame -> smile.regression.OLS.fit(SmileFrames.TARGET, frame));
    }
}

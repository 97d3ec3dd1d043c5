package org.fheml.models.linear;

/**
 * Ordinary least squares on encrypted data, trained by Householder QR in plain Java (bit-reproducible); when the
 * features are linearly dependent it falls back to Smile's OLS (needs OpenBLAS), which takes SVD's minimum-norm
 * solution.
 */
public final class LinearRegression extends LinearRegressorBase<LinearRegression> {

    @Override
    protected FloatLinearModel train(double[][] X, double[] y) {
        return LeastSquares.fit(X, y).orElseGet(() ->
                SmileFrames.fitVaryingColumns(X, y, frame -> smile.regression.OLS.fit(SmileFrames.TARGET, frame)));
    }
}

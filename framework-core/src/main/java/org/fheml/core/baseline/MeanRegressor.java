package org.fheml.core.baseline;

import java.util.Arrays;
import org.fheml.core.FheMode;
import org.fheml.core.InputValidation;
import org.fheml.core.NotFittedException;
import org.fheml.core.Regressor;

/**
 * The baseline every regressor must beat: it predicts the mean training target for every row (R² = 0 on the
 * training set), like scikit-learn's {@code DummyRegressor(strategy="mean")}. Its output does not depend on the
 * input, so all three {@link FheMode}s give the same answer without any encryption being needed.
 */
public final class MeanRegressor implements Regressor {

    private int featureCount = -1;
    private double mean;

    @Override
    public MeanRegressor fit(double[][] X, double[] y) {
        int features = InputValidation.checkTargets(X, y);
        this.mean = Arrays.stream(y).average().orElseThrow();
        this.featureCount = features;
        return this;
    }

    @Override
    public double[] predict(double[][] X, FheMode mode) {
        requireFitted("predict");
        InputValidation.checkFeatures(X, featureCount);
        double[] out = new double[X.length];
        Arrays.fill(out, mean);
        return out;
    }

    @Override
    public boolean isFitted() {
        return featureCount >= 0;
    }

    @Override
    public int featureCount() {
        requireFitted("featureCount");
        return featureCount;
    }

    private void requireFitted(String what) {
        if (!isFitted()) {
            throw new NotFittedException("MeanRegressor", what);
        }
    }
}

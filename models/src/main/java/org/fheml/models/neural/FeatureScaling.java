package org.fheml.models.neural;

import java.util.Arrays;

/**
 * The client-side affine map of each feature onto [0, 1] before input quantization: u = (x − low) / (high − low),
 * with low and high the feature's minimum and maximum on the training data (a constant feature maps to 0). Rows
 * outside the training range are clipped by the input quantizer.
 */
public record FeatureScaling(double[] low, double[] high) {

    public FeatureScaling {
        if (low.length != high.length) {
            throw new IllegalArgumentException("FeatureScaling needs one low and one high per feature, got "
                    + low.length + " and " + high.length + ".");
        }
        low = low.clone();
        high = high.clone();
    }

    /**
     * Each column's range between its {@code tail} and 1 − {@code tail} quantiles (nearest rank), so that a few
     * outliers do not spread the few input levels over values that almost never occur. Falls back to the minimum
     * and maximum when the quantiles coincide.
     */
    static FeatureScaling fromData(double[][] X, double tail) {
        if (tail <= 0) {
            return fromData(X);
        }
        FeatureScaling full = fromData(X);
        int n = X.length;
        int d = X[0].length;
        double[] column = new double[n];
        double[] low = new double[d];
        double[] high = new double[d];
        int lowRank = (int) Math.floor(tail * (n - 1));
        int highRank = (int) Math.ceil((1 - tail) * (n - 1));
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                column[i] = X[i][j];
            }
            Arrays.sort(column);
            low[j] = column[lowRank];
            high[j] = column[highRank];
            if (!(high[j] > low[j])) {
                low[j] = full.low[j];
                high[j] = full.high[j];
            }
        }
        return new FeatureScaling(low, high);
    }

    /** The minimum and maximum of each column of X. */
    static FeatureScaling fromData(double[][] X) {
        int d = X[0].length;
        double[] low = new double[d];
        double[] high = new double[d];
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (double[] row : X) {
            for (int j = 0; j < d; j++) {
                low[j] = Math.min(low[j], row[j]);
                high[j] = Math.max(high[j], row[j]);
            }
        }
        return new FeatureScaling(low, high);
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public double[] high() {
        return high.clone();
    }

    public int featureCount() {
        return low.length;
    }

    /** u = (x − low) / (high − low) for every feature of one row, into {@code out}. */
    void scale(double[] x, double[] out) {
        for (int j = 0; j < low.length; j++) {
            double width = high[j] - low[j];
            out[j] = width > 0 ? (x[j] - low[j]) / width : 0;
        }
    }

    double[][] scale(double[][] X) {
        double[][] out = new double[X.length][low.length];
        for (int i = 0; i < X.length; i++) {
            scale(X[i], out[i]);
        }
        return out;
    }
}

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

package org.fheml.models.linear;

/**
 * Centres and scales features for training, then maps weights learned on standardized features back to raw ones
 * (w_raw = w / σ, b_raw = b − Σ w·μ / σ), so that the quantized model reads raw features. Iterative solvers
 * converge far better on standardized data; their penalties then act on standardized weights, which makes them
 * independent of the units of each feature.
 */
record Standardization(double[] mean, double[] scale) {

    static Standardization of(double[][] X) {
        int d = X[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : X) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / X.length;
            }
        }
        for (double[] row : X) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / X.length;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 1e-24 ? Math.sqrt(scale[j]) : 1.0;
        }
        return new Standardization(mean, scale);
    }

    double[][] apply(double[][] X) {
        double[][] out = new double[X.length][mean.length];
        for (int i = 0; i < X.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = (X[i][j] - mean[j]) / scale[j];
            }
        }
        return out;
    }

    /** The raw-feature model equivalent to one learned on standardized features. */
    FloatLinearModel toRaw(FloatLinearModel standardized) {
        int outputs = standardized.outputs();
        double[][] weights = new double[mean.length][outputs];
        double[] bias = standardized.bias().clone();
        for (int j = 0; j < mean.length; j++) {
            for (int k = 0; k < outputs; k++) {
                weights[j][k] = standardized.weights()[j][k] / scale[j];
                bias[k] -= weights[j][k] * mean[j];
            }
        }
        return new FloatLinearModel(weights, bias);
    }
}

package org.fheml.models.linear;

/**
 * The float model a linear estimator was trained into: scores = x·W + b, before any post-processing. It is the
 * reference its quantized twin is measured against.
 *
 * @param weights [features][outputs]
 * @param bias    [outputs]
 */
public record FloatLinearModel(double[][] weights, double[] bias) {

    public int outputs() {
        return bias.length;
    }

    public double[] decisionFunction(double[] x) {
        double[] scores = bias.clone();
        for (int j = 0; j < x.length; j++) {
            for (int k = 0; k < scores.length; k++) {
                scores[k] += x[j] * weights[j][k];
            }
        }
        return scores;
    }

    public double[][] decisionFunction(double[][] X) {
        double[][] out = new double[X.length][];
        for (int i = 0; i < X.length; i++) {
            out[i] = decisionFunction(X[i]);
        }
        return out;
    }

    /** A single-output model from a coefficient vector and an intercept. */
    static FloatLinearModel ofVector(double[] coefficients, double intercept) {
        double[][] weights = new double[coefficients.length][1];
        for (int j = 0; j < coefficients.length; j++) {
            weights[j][0] = coefficients[j];
        }
        return new FloatLinearModel(weights, new double[] {intercept});
    }
}

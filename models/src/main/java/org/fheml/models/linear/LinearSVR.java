package org.fheml.models.linear;

/**
 * A linear support-vector regressor on encrypted data (epsilon-insensitive loss; epsilon 0.1 and C 1.0 by
 * default), trained with Smile's SVM on standardized features and standardized targets, so that epsilon is in
 * units of the target's standard deviation.
 */
public final class LinearSVR extends LinearRegressorBase<LinearSVR> {

    private double epsilon = 0.1;
    private double c = 1.0;
    private long seed = 42;

    public LinearSVR setEpsilon(double epsilon) {
        this.epsilon = Penalties.nonNegative("epsilon", epsilon);
        return this;
    }

    /** The seed of the solver's sample order: fits with one seed are identical (default 42). */
    public LinearSVR setSeed(long seed) {
        this.seed = seed;
        return this;
    }

    public LinearSVR setC(double c) {
        this.c = Penalties.positive("C", c);
        return this;
    }

    @Override
    protected FloatLinearModel train(double[][] X, double[] y) {
        smile.math.MathEx.setSeed(seed);
        Standardization standardization = Standardization.of(X);
        double mean = java.util.Arrays.stream(y).average().orElse(0);
        double spread = Math.sqrt(java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).average().orElse(0));
        double scale = spread > 0 ? spread : 1;
        double[] target = java.util.Arrays.stream(y).map(v -> (v - mean) / scale).toArray();
        var svm = (smile.regression.LinearSVM) smile.regression.SVM.fit(standardization.apply(X), target,
                new smile.regression.SVM.Options(epsilon, c));
        double[] w = svm.weights().clone();
        for (int j = 0; j < w.length; j++) {
            w[j] *= scale;
        }
        return standardization.toRaw(FloatLinearModel.ofVector(w, svm.intercept() * scale + mean));
    }
}

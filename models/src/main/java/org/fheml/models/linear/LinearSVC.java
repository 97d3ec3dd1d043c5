package org.fheml.models.linear;

import smile.classification.SVM;

/**
 * A linear support-vector classifier on encrypted data, trained with Smile's SVM (hinge loss, C default 1.0, on
 * standardized features); one-vs-rest for more than two classes. It gives decisions and scores, no probabilities.
 */
public final class LinearSVC extends LinearClassifierBase<LinearSVC> {

    private double c = 1.0;
    private long seed = 42;

    /** The seed of the solver's sample order: fits with one seed are identical (default 42). */
    public LinearSVC setSeed(long seed) {
        this.seed = seed;
        return this;
    }

    public LinearSVC setC(double c) {
        this.c = Penalties.positive("C", c);
        return this;
    }

    @Override
    protected FloatLinearModel train(double[][] X, int[] classIndices, int classCount) {
        smile.math.MathEx.setSeed(seed);
        Standardization standardization = Standardization.of(X);
        double[][] Z = standardization.apply(X);
        int outputs = classCount == 2 ? 1 : classCount;
        double[][] weights = new double[X[0].length][outputs];
        double[] bias = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            int positive = classCount == 2 ? 1 : k;
            int[] signs = new int[classIndices.length];
            for (int i = 0; i < signs.length; i++) {
                signs[i] = classIndices[i] == positive ? 1 : -1;
            }
            var svm = SVM.fit(Z, signs, new SVM.Options(c));
            double[] w = svm.weights();
            for (int j = 0; j < w.length; j++) {
                weights[j][k] = w[j];
            }
            bias[k] = svm.intercept();
        }
        return standardization.toRaw(new FloatLinearModel(weights, bias));
    }
}

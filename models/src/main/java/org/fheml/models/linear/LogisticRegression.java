package org.fheml.models.linear;

import org.fheml.core.FheMode;
import org.fheml.core.ProbabilisticClassifier;

/**
 * Logistic regression, binary or multinomial, on encrypted data. Trained with Smile (L-BFGS, L2 penalty 1/C, on
 * standardized features), quantized to n_bits (8 by default) and compiled into a circuit without bootstraps:
 * its encrypted scores equal the quantized clear ones exactly. The sigmoid or softmax runs in the clear after
 * decryption.
 */
public final class LogisticRegression extends LinearClassifierBase<LogisticRegression>
        implements ProbabilisticClassifier {

    private double c = 1.0;
    private double tolerance = 1e-5;
    private int maxIterations = 500;

    /** Inverse of the L2 penalty, as in scikit-learn (default 1.0): smaller is stronger. */
    public LogisticRegression setC(double c) {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("C must be positive and finite, got " + c + ".");
        }
        this.c = c;
        return this;
    }

    public LogisticRegression setTolerance(double tolerance) {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, got " + tolerance + ".");
        }
        this.tolerance = tolerance;
        return this;
    }

    public LogisticRegression setMaxIterations(int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations + ".");
        }
        this.maxIterations = maxIterations;
        return this;
    }

    @Override
    protected FloatLinearModel train(double[][] X, int[] classIndices, int classCount) {
        Standardization standardization = Standardization.of(X);
        double[][] Z = standardization.apply(X);
        var options = new smile.classification.LogisticRegression.Options(1 / c, tolerance, maxIterations);
        if (classCount == 2) {
            double[] coefficients = smile.classification.LogisticRegression.binomial(Z, classIndices, options)
                    .coefficients();
            double[] w = java.util.Arrays.copyOf(coefficients, coefficients.length - 1);
            return standardization.toRaw(FloatLinearModel.ofVector(w, coefficients[coefficients.length - 1]));
        }
        double[][] coefficients = smile.classification.LogisticRegression.multinomial(Z, classIndices, options)
                .coefficients();
        int d = X[0].length;
        double[][] weights = new double[d][classCount];
        double[] bias = new double[classCount];
        for (int k = 0; k < classCount - 1; k++) {
            for (int j = 0; j < d; j++) {
                weights[j][k] = coefficients[k][j];
            }
            bias[k] = coefficients[k][d];
        }
        return standardization.toRaw(new FloatLinearModel(weights, bias));
    }

    @Override
    public LogisticRegression fit(double[][] X, int[] y) {
        return super.fit(X, y);
    }

    @Override
    public double[][] predictProba(double[][] X, FheMode mode) {
        double[][] scores = decisionFunction(X, mode);
        double[][] out = new double[scores.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = probabilityMap().of(scores[i]);
        }
        return out;
    }

    /** Sigmoid for one score, softmax for several, as {@link #predictProba}. */
    @Override
    protected org.fheml.models.deploy.PostProcessing.Probabilities probabilityMap() {
        return org.fheml.models.deploy.PostProcessing.Probabilities.LOGISTIC;
    }

    /** The float model's probabilities, the reference for the quantized ones. */
    public double[][] floatPredictProba(double[][] X) {
        double[][] scores = floatScores(X);
        double[][] out = new double[scores.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = probabilityMap().of(scores[i]);
        }
        return out;
    }
}

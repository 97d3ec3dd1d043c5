package org.fheml.core.baseline;

import java.util.Arrays;
import org.fheml.core.ClassLabels;
import org.fheml.core.FheMode;
import org.fheml.core.InputValidation;
import org.fheml.core.NotFittedException;
import org.fheml.core.ProbabilisticClassifier;

/**
 * The baseline every classifier must beat: it predicts the most frequent training label (the smallest one on a
 * tie) and gives every row the training class frequencies as probabilities, like scikit-learn's
 * {@code DummyClassifier(strategy="prior")}. Its output does not depend on the input, so all three
 * {@link FheMode}s give the same answer without any encryption being needed.
 */
public final class MajorityClassifier implements ProbabilisticClassifier {

    private int featureCount = -1;
    private int[] classes;
    private double[] priors;
    private int majority;

    @Override
    public MajorityClassifier fit(double[][] X, int[] y) {
        int features = InputValidation.checkLabels(X, y);
        int[] labels = ClassLabels.distinct(y);
        int[] counts = new int[labels.length];
        for (int index : ClassLabels.toIndices(y, labels)) {
            counts[index]++;
        }
        int best = 0;
        for (int c = 1; c < counts.length; c++) {
            if (counts[c] > counts[best]) {
                best = c;
            }
        }
        double[] frequencies = new double[labels.length];
        for (int c = 0; c < counts.length; c++) {
            frequencies[c] = (double) counts[c] / y.length;
        }
        this.featureCount = features;
        this.classes = labels;
        this.priors = frequencies;
        this.majority = labels[best];
        return this;
    }

    @Override
    public int[] predict(double[][] X, FheMode mode) {
        checkPredictInput(X, "predict");
        int[] out = new int[X.length];
        Arrays.fill(out, majority);
        return out;
    }

    @Override
    public double[][] predictProba(double[][] X, FheMode mode) {
        checkPredictInput(X, "predictProba");
        double[][] out = new double[X.length][];
        for (int i = 0; i < X.length; i++) {
            out[i] = priors.clone();
        }
        return out;
    }

    @Override
    public int[] classes() {
        requireFitted("classes");
        return classes.clone();
    }

    @Override
    public boolean isFitted() {
        return classes != null;
    }

    @Override
    public int featureCount() {
        requireFitted("featureCount");
        return featureCount;
    }

    private void checkPredictInput(double[][] X, String what) {
        requireFitted(what);
        InputValidation.checkFeatures(X, featureCount);
    }

    private void requireFitted(String what) {
        if (!isFitted()) {
            throw new NotFittedException("MajorityClassifier", what);
        }
    }
}

package org.fheml.models;

/** The scores users compare models with: accuracy for classifiers, R² for regressors, and agreement of modes. */
public final class Metrics {

    private Metrics() {
    }

    /** The share of rows whose predicted label equals the true one. */
    public static double accuracy(int[] predicted, int[] truth) {
        requireSameLength(predicted.length, truth.length);
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] == truth[i]) {
                correct++;
            }
        }
        return (double) correct / truth.length;
    }

    /** The coefficient of determination, 1 − SS_res / SS_tot (0 for a constant prediction at the mean). */
    public static double r2(double[] predicted, double[] truth) {
        requireSameLength(predicted.length, truth.length);
        double mean = 0;
        for (double v : truth) {
            mean += v / truth.length;
        }
        double residual = 0;
        double total = 0;
        for (int i = 0; i < truth.length; i++) {
            residual += (truth[i] - predicted[i]) * (truth[i] - predicted[i]);
            total += (truth[i] - mean) * (truth[i] - mean);
        }
        return total == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / total;
    }

    /** The share of rows on which two label predictions agree. */
    public static double agreement(int[] a, int[] b) {
        return accuracy(a, b);
    }

    /** The share of rows on which two real predictions agree within a relative 1e-9. */
    public static double agreement(double[] a, double[] b) {
        requireSameLength(a.length, b.length);
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) <= 1e-9 * Math.max(1, Math.abs(a[i]))) {
                same++;
            }
        }
        return (double) same / a.length;
    }

    private static void requireSameLength(int a, int b) {
        if (a != b || a == 0) {
            throw new IllegalArgumentException("Scores need two non-empty arrays of one length, got " + a + " and " + b + ".");
        }
    }
}

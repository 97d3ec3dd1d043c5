package org.fheml.models;

/** The softmax of a row of scores, computed stably (the largest score is subtracted first). */
public final class Softmax {

    private Softmax() {
    }

    public static double[] of(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double[] p = new double[scores.length];
        double total = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(scores[c] - max);
            total += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= total;
        }
        return p;
    }
}

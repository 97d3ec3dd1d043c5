package org.fheml.models.tree;

import org.fheml.models.Softmax;

/** The maps from an ensemble's scores to class probabilities, applied in the clear after decryption. */
final class Links {

    private Links() {
    }

    /** Sums of per-tree class probabilities, scaled to sum to 1 (uniform when every score is 0). */
    static double[] normalized(double[] scores) {
        double[] p = new double[scores.length];
        double total = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.max(0, scores[c]);
            total += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] = total > 0 ? p[c] / total : 1.0 / p.length;
        }
        return p;
    }

    /**
     * Smile's boosting probabilities: P(second class) = 1 / (1 + exp(−2f)) for one score f, a softmax over
     * several.
     */
    static double[] boosting(double[] scores) {
        if (scores.length == 1) {
            double first = 1 / (1 + Math.exp(2 * scores[0]));
            return new double[] {first, 1 - first};
        }
        return Softmax.of(scores);
    }

    /** The columns 0..k−1 a tree with one value per class feeds. */
    static int[] allColumns(int k) {
        int[] columns = new int[k];
        for (int c = 0; c < k; c++) {
            columns[c] = c;
        }
        return columns;
    }
}

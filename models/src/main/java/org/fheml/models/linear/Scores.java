package org.fheml.models.linear;

import org.fheml.models.Softmax;

/** Post-processing of linear scores in the clear: decisions, sigmoid and softmax. */
final class Scores {

    private Scores() {
    }

    /** The class a row of scores predicts: one score means class 1 when positive, several the largest. */
    static int predictedIndex(double[] scores) {
        if (scores.length == 1) {
            return scores[0] > 0 ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        return best;
    }

    /** Probabilities per class: [1 − σ(s), σ(s)] for one score, softmax for several. */
    static double[] probabilities(double[] scores) {
        if (scores.length == 1) {
            double p = 1 / (1 + Math.exp(-scores[0]));
            return new double[] {1 - p, p};
        }
        return Softmax.of(scores);
    }
}

package org.fheml.models.linear;

/** Post-processing of linear scores in the clear: the predicted class (probabilities: {@code PostProcessing}). */
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
}

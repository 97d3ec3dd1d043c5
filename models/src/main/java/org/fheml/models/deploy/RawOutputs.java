package org.fheml.models.deploy;

/** The clear softmax or log-softmax a raw model's outputs go through, in place, as {@code OnnxModel} computes it. */
final class RawOutputs {

    private RawOutputs() {
    }

    static void softmax(double[] row, PostProcessing.Softmaxed kind) {
        if (kind == PostProcessing.Softmaxed.NONE) {
            return;
        }
        double max = java.util.Arrays.stream(row).max().orElse(0);
        double sum = 0;
        for (double v : row) {
            sum += Math.exp(v - max);
        }
        double logSum = max + Math.log(sum);
        for (int i = 0; i < row.length; i++) {
            row[i] = kind == PostProcessing.Softmaxed.LOG_SOFTMAX ? row[i] - logSum : Math.exp(row[i] - logSum);
        }
    }
}

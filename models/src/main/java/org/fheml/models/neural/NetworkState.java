package org.fheml.models.neural;

import java.util.SplittableRandom;

/**
 * The mutable parameters of a fully connected network during training: float ("latent") weights and biases, the
 * pruning masks, the calibrated activation ranges and the rounding of each layer's accumulator. Layer l maps
 * {@code sizes[l]} inputs to {@code sizes[l+1]} outputs; its weights are stored row-major, one row per output neuron
 * ({@code w[l][o * sizes[l] + i]}), so that a neuron's dot product reads contiguous memory.
 */
final class NetworkState {

    final int[] sizes;
    final Activation activation;
    final double[][] w;
    final double[][] b;
    /** false where a weight has been pruned; a pruned weight stays 0 for the rest of training. */
    final boolean[][] kept;
    /** The calibrated upper end of each hidden layer's activation range (used by ReLU). */
    final double[] activationMax;
    /** Low bits of each layer's accumulator rounded off before its lookup (always 0 for the output layer). */
    final int[] roundingLsbs;

    NetworkState(int[] sizes, Activation activation, SplittableRandom random) {
        this.sizes = sizes.clone();
        this.activation = activation;
        int layers = sizes.length - 1;
        w = new double[layers][];
        b = new double[layers][];
        kept = new boolean[layers][];
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            boolean relu = activation == Activation.RELU && l < layers - 1;
            double limit = relu ? Math.sqrt(6.0 / in) : Math.sqrt(6.0 / (in + out));
            w[l] = new double[in * out];
            for (int k = 0; k < w[l].length; k++) {
                w[l][k] = random.nextDouble(-limit, limit);
            }
            b[l] = new double[out];
            kept[l] = new boolean[in * out];
            java.util.Arrays.fill(kept[l], true);
        }
        activationMax = new double[layers - 1];
        java.util.Arrays.fill(activationMax, 1.0);
        roundingLsbs = new int[layers];
    }

    int layers() {
        return sizes.length - 1;
    }

    int prunedWeights() {
        int pruned = 0;
        for (boolean[] mask : kept) {
            for (boolean k : mask) {
                if (!k) {
                    pruned++;
                }
            }
        }
        return pruned;
    }

    int totalWeights() {
        int total = 0;
        for (double[] layer : w) {
            total += layer.length;
        }
        return total;
    }

    /** A deep copy of the parameters (weights, biases, masks, ranges and roundings). */
    NetworkState copy() {
        NetworkState copy = new NetworkState(sizes, activation, new SplittableRandom(0));
        for (int l = 0; l < layers(); l++) {
            System.arraycopy(w[l], 0, copy.w[l], 0, w[l].length);
            System.arraycopy(b[l], 0, copy.b[l], 0, b[l].length);
            System.arraycopy(kept[l], 0, copy.kept[l], 0, kept[l].length);
        }
        System.arraycopy(activationMax, 0, copy.activationMax, 0, activationMax.length);
        System.arraycopy(roundingLsbs, 0, copy.roundingLsbs, 0, roundingLsbs.length);
        return copy;
    }
}

package org.fheml.models.neural;

import java.util.Arrays;

/**
 * Everything a network's training reads, fixed for one {@code fit}: the architecture, the bit widths of the integer
 * program and the optimiser's settings. The estimators build one from their fluent setters.
 *
 * @param hiddenLayerSizes       neurons per hidden layer; each hidden neuron costs one lookup per row
 * @param activation             the hidden layers' activation
 * @param nWeightBits            signed symmetric weights: integers in ±(2^(n−1) − 1)
 * @param nActivationBits        hidden activations, unsigned after ReLU and sigmoid, signed after tanh
 * @param nInputBits             inputs, unsigned, after scaling each feature to [0, 1]
 * @param nAccumulatorBits       the signed width every neuron's worst-case accumulator is pruned to fit
 * @param roundingThresholdBits  the precision of each activation lookup: the accumulator's low bits beyond it are
 *                               rounded off before the lookup (0 keeps the full accumulator)
 * @param epochs                 passes over the training data
 * @param batchSize              rows per gradient step
 * @param learningRate           Adam's step size
 * @param l2                     L2 penalty on the weights, added to their gradients
 * @param seed                   initialisation and shuffling; the same seed gives the same network
 * @param mode                   quantization-aware training or post-training quantization
 * @param weightScaling          one weight scale per layer or per neuron
 */
public record MlpSettings(int[] hiddenLayerSizes, Activation activation, int nWeightBits, int nActivationBits,
        int nInputBits, int nAccumulatorBits, int roundingThresholdBits, int epochs, int batchSize,
        double learningRate, double l2, long seed, TrainingMode mode, WeightScaling weightScaling) {

    public MlpSettings {
        hiddenLayerSizes = hiddenLayerSizes.clone();
        for (int i = 0; i < hiddenLayerSizes.length; i++) {
            require(hiddenLayerSizes[i] >= 1, "hidden layer " + i + " has " + hiddenLayerSizes[i]
                    + " neurons: every hidden layer needs at least 1");
        }
        require(nWeightBits >= 2 && nWeightBits <= 8, "nWeightBits is " + nWeightBits + ": use 2 to 8");
        require(nActivationBits >= (activation == Activation.TANH ? 2 : 1) && nActivationBits <= 8,
                "nActivationBits is " + nActivationBits + ": use 1 to 8 (2 to 8 with tanh)");
        require(nInputBits >= 1 && nInputBits <= 8, "nInputBits is " + nInputBits + ": use 1 to 8");
        require(nAccumulatorBits >= 2 && nAccumulatorBits <= 24, "nAccumulatorBits is " + nAccumulatorBits
                + ": use 2 to 24");
        require(roundingThresholdBits >= 0 && roundingThresholdBits <= 16, "roundingThresholdBits is "
                + roundingThresholdBits + ": use 1 to 16, or 0 for no rounding");
        require(epochs >= 1, "epochs is " + epochs + ": train for at least 1");
        require(batchSize >= 1, "batchSize is " + batchSize + ": use at least 1");
        require(learningRate > 0 && Double.isFinite(learningRate), "learningRate is " + learningRate
                + ": use a positive step such as 0.005");
        require(l2 >= 0 && Double.isFinite(l2), "l2 is " + l2 + ": use 0 or a small positive penalty");
        long maxWeight = (1L << (nWeightBits - 1)) - 1;
        long maxInput = Math.max((1L << nInputBits) - 1, activation == Activation.TANH
                ? (1L << (nActivationBits - 1)) - 1 : (1L << nActivationBits) - 1);
        long limit = AccumulatorPruning.upperLimit(nAccumulatorBits, roundingThresholdBits);
        require(maxWeight * maxInput <= limit, "nAccumulatorBits " + nAccumulatorBits + " cannot hold even one "
                + "weight times one input (" + maxWeight + " · " + maxInput + " > " + limit + "): raise "
                + "nAccumulatorBits or lower nWeightBits, nActivationBits or nInputBits");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message + ".");
        }
    }

    @Override
    public int[] hiddenLayerSizes() {
        return hiddenLayerSizes.clone();
    }

    /** The largest accumulator the pruning allows, 2^(nAccumulatorBits−1) − 1 (and its negation minus one). */
    long accumulatorLimit() {
        return (1L << (nAccumulatorBits - 1)) - 1;
    }

    /** The layer sizes from inputs to outputs. */
    int[] layerSizes(int features, int outputs) {
        int[] sizes = new int[hiddenLayerSizes.length + 2];
        sizes[0] = features;
        System.arraycopy(hiddenLayerSizes, 0, sizes, 1, hiddenLayerSizes.length);
        sizes[sizes.length - 1] = outputs;
        return sizes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpSettings s && Arrays.equals(hiddenLayerSizes, s.hiddenLayerSizes)
                && activation == s.activation && nWeightBits == s.nWeightBits && nActivationBits == s.nActivationBits
                && nInputBits == s.nInputBits && nAccumulatorBits == s.nAccumulatorBits
                && roundingThresholdBits == s.roundingThresholdBits && epochs == s.epochs && batchSize == s.batchSize
                && learningRate == s.learningRate && l2 == s.l2 && seed == s.seed && mode == s.mode
                && weightScaling == s.weightScaling;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hiddenLayerSizes) * 31 + java.util.Objects.hash(activation, nWeightBits,
                nActivationBits, nInputBits, nAccumulatorBits, roundingThresholdBits, epochs, batchSize, learningRate,
                l2, seed, mode, weightScaling);
    }

    @Override
    public String toString() {
        return "MlpSettings[hidden=" + Arrays.toString(hiddenLayerSizes) + ", " + activation + ", w" + nWeightBits
                + "/a" + nActivationBits + "/in" + nInputBits + "/acc" + nAccumulatorBits + ", rounding "
                + roundingThresholdBits + ", epochs " + epochs + ", batch " + batchSize + ", lr " + learningRate
                + ", l2 " + l2 + ", seed " + seed + ", " + mode + ", " + weightScaling + "]";
    }
}

package org.fheml.quantization;

/**
 * How tree models are quantized, with Concrete ML's policy: features quantized per feature, unsigned, on op_inputs
 * bits (calibrated on the training data, before the trees are trained on the integers); split thresholds floored
 * onto the integer grid; leaf values quantized on op_leaves bits with zero point 0 (symmetric and signed when any
 * value is negative, else over [0, max]) so that sums over trees stay exact; comparisons wider than
 * {@link #COMPARISON_BITS} truncated first.
 */
public final class TreeQuantization {

    /** The widest input a comparison lookup reads (Concrete ML's MIN_CIRCUIT_THRESHOLD_FOR_TREES). */
    public static final int COMPARISON_BITS = 4;

    private TreeQuantization() {
    }

    /** One unsigned quantizer of op_inputs bits per feature, calibrated on X. */
    public static FeatureQuantizer inputQuantizer(TreeNBits nBits, double[][] X) {
        return FeatureQuantizer.calibrate(QuantizationOptions.unsigned(nBits.opInputs()), X);
    }

    /**
     * The quantizer of every leaf value within [min, max] (min ≤ 0 ≤ max): zero point 0, signed and symmetric
     * when min is negative, else unsigned over [0, max].
     */
    public static UniformQuantizer leafQuantizer(double min, double max, int bits) {
        return min < 0
                ? UniformQuantizer.fromRange(new QuantizationOptions(bits, true, true, false), min, max)
                : UniformQuantizer.fromRange(QuantizationOptions.unsigned(bits), 0, max);
    }

    /**
     * A threshold learnt on integer features, on the integer grid: x ≤ t holds exactly when x ≤ floor(t), and
     * outside [−1, maxInput] the test is constant.
     */
    public static long floorThreshold(double threshold, long maxInput) {
        return (long) Math.max(-1, Math.min(maxInput, Math.floor(threshold)));
    }
}

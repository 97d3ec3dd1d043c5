package org.fheml.models.neural;

/**
 * The activation of a network's hidden layers. In the integer program each hidden neuron's activation is one table
 * lookup (one bootstrap per row), from its rounded accumulator to the next layer's quantized input.
 */
public enum Activation {
    /** max(0, z): outputs are unsigned, quantized over a calibrated range [0, max]. */
    RELU,
    /** 1 / (1 + e^−z): outputs in [0, 1], quantized unsigned. */
    SIGMOID,
    /** tanh(z): outputs in [−1, 1], quantized signed and symmetric. */
    TANH;

    /** f(z). */
    public double apply(double z) {
        return switch (this) {
            case RELU -> z > 0 ? z : 0;
            case SIGMOID -> 1 / (1 + Math.exp(-z));
            case TANH -> Math.tanh(z);
        };
    }

    /** f'(z), given z and f(z). */
    double derivative(double z, double fz) {
        return switch (this) {
            case RELU -> z > 0 ? 1 : 0;
            case SIGMOID -> fz * (1 - fz);
            case TANH -> 1 - fz * fz;
        };
    }

    /**
     * The quantizer of this activation's outputs at {@code bits} bits. ReLU covers [0, {@code calibratedMax}];
     * sigmoid and tanh cover their whole image and ignore the calibration.
     */
    QuantParams outputQuantizer(int bits, double calibratedMax) {
        return switch (this) {
            case RELU -> QuantParams.unsigned(bits, calibratedMax > 0 ? calibratedMax : 1.0);
            case SIGMOID -> QuantParams.unsigned(bits, 1.0);
            case TANH -> QuantParams.symmetric(bits, 1.0);
        };
    }

    /** Whether this activation's output range comes from calibration on training data. */
    boolean calibrated() {
        return this == RELU;
    }
}

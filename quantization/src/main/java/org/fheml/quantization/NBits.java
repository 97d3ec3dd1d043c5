package org.fheml.quantization;

/**
 * Quantization widths per kind of value, with Concrete ML's semantics: an int n means op_inputs = op_weights = n
 * and model_inputs = model_outputs = max(5, n); linear models use op_inputs and op_weights.
 */
public record NBits(int opInputs, int opWeights, int modelInputs, int modelOutputs) {

    /** Concrete ML's DEFAULT_MODEL_BITS: the least width of a model's inputs and outputs. */
    public static final int DEFAULT_MODEL_BITS = 5;

    public NBits {
        for (int bits : new int[] {opInputs, opWeights, modelInputs, modelOutputs}) {
            if (bits < 1 || bits > 24) {
                throw new IllegalArgumentException("Every n_bits must be 1..24, got " + bits + ".");
            }
        }
        if (modelOutputs < opInputs) {
            throw new IllegalArgumentException("model_outputs (" + modelOutputs + ") must be at least op_inputs ("
                    + opInputs + ").");
        }
    }

    public static NBits of(int n) {
        return new NBits(n, n, Math.max(DEFAULT_MODEL_BITS, n), Math.max(DEFAULT_MODEL_BITS, n));
    }

    /** op_inputs and op_weights given, model_inputs and model_outputs defaulted as Concrete ML does. */
    public static NBits of(int opInputs, int opWeights) {
        return new NBits(opInputs, opWeights, Math.max(DEFAULT_MODEL_BITS, opInputs),
                Math.max(DEFAULT_MODEL_BITS, opInputs));
    }
}

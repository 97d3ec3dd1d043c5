package org.fheml.models.neural;

/** What the integer program does with a layer's accumulators. */
public sealed interface LayerOutput {

    /**
     * A hidden layer: each accumulator loses its {@code roundingLsbs} low bits (rounded half up), then one table
     * lookup per neuron maps it to the next layer's quantized input: dequantize at the accumulator scale, apply
     * {@code activation}, requantize with {@code output}.
     */
    record Lookup(int roundingLsbs, Activation activation, QuantParams output) implements LayerOutput {
        public Lookup {
            if (roundingLsbs < 0 || roundingLsbs > 30) {
                throw new IllegalArgumentException("roundingLsbs must be 0..30, got " + roundingLsbs + ".");
            }
        }
    }

    /** The output layer: its accumulators leave the circuit and are dequantized by the client. */
    record Dequantized() implements LayerOutput {
    }
}

package org.fheml.quantization;

/**
 * The quantization widths of a tree model, with Concrete ML's semantics for trees: {@code opInputs} bits per
 * feature (unsigned, one quantizer per feature, calibrated on the training data) and {@code opLeaves} bits for the
 * leaf values (at most {@code opInputs}; an int n_bits means both are n).
 */
public record TreeNBits(int opInputs, int opLeaves) {

    public TreeNBits {
        if (opInputs < 1 || opInputs > 16) {
            throw new IllegalArgumentException("op_inputs must be 1..16 (a comparison lookup reads op_inputs bits), got "
                    + opInputs + ".");
        }
        if (opLeaves < 1 || opLeaves > opInputs) {
            throw new IllegalArgumentException("op_leaves must be 1..op_inputs (" + opInputs + "), got " + opLeaves
                    + ".");
        }
    }

    /** op_inputs = op_leaves = n. */
    public static TreeNBits of(int n) {
        return new TreeNBits(n, n);
    }
}

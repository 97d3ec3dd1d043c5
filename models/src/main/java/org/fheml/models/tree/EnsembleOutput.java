package org.fheml.models.tree;

/** What a tree circuit returns, and so what the client learns after decryption. */
public enum EnsembleOutput {
    /** One quantized value per tree and column, summed in the clear after decryption (Concrete ML's choice). */
    PER_TREE,
    /** The per-column sums over the trees, computed inside the circuit. */
    SUM,
    /** The index of the predicted class only, computed inside the circuit (classifiers). */
    ARGMAX
}

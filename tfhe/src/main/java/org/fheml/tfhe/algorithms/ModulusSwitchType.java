package org.fheml.tfhe.algorithms;

/** How an LWE ciphertext is rounded to modulus 2N before a blind rotation (tfhe-engine.md §3.3). */
public enum ModulusSwitchType {
    /** Round every coefficient independently. */
    PLAIN,
    /**
     * Shift the body by half the (known) mask rounding errors before rounding it, which centres the key-dependent
     * error and halves the dominant variance term.
     */
    CENTERED_MEAN
}

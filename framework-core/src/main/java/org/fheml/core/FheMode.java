package org.fheml.core;

/**
 * How an inference call is carried out. Every prediction entry point of every estimator takes one, and all three
 * modes go through the same pipeline, so their results can be compared row by row.
 */
public enum FheMode {
    /** The quantized integer program evaluated in the clear: the reference the other two modes are held to. */
    DISABLE,
    /**
     * The compiled circuit evaluated on plain integers, with bootstrapping errors drawn from the noise model.
     * With no bootstrapping error it agrees exactly with {@link #EXECUTE}.
     */
    SIMULATE,
    /** Key generation, encryption, evaluation on ciphertexts and decryption: the real thing. */
    EXECUTE
}

package org.fheml.tfhe.params;

import org.fheml.tfhe.InvalidParameterException;

/** The number of mask polynomials of a GLWE ciphertext (k). */
public record GlweDimension(int value) {

    public GlweDimension {
        if (value < 1) {
            throw new InvalidParameterException("GlweDimension must be at least 1, got " + value);
        }
    }

    /** The number of polynomials of one GLWE ciphertext: the mask plus the body (k + 1). */
    public int glweSize() {
        return value + 1;
    }
}

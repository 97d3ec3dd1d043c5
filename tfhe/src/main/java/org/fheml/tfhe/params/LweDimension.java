package org.fheml.tfhe.params;

import org.fheml.tfhe.InvalidParameterException;

/** The number of mask coefficients of an LWE ciphertext (n), which is also the length of its secret key. */
public record LweDimension(int value) {

    public LweDimension {
        if (value < 1) {
            throw new InvalidParameterException("LweDimension must be at least 1, got " + value);
        }
    }

    /** The number of 64-bit words of one ciphertext: the mask plus the body. */
    public int lweSize() {
        return value + 1;
    }
}

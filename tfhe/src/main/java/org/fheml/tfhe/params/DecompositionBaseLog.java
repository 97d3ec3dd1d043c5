package org.fheml.tfhe.params;

import org.fheml.tfhe.InvalidParameterException;

/** log2 of the base B of a gadget decomposition: each digit covers this many bits. */
public record DecompositionBaseLog(int value) {

    public DecompositionBaseLog {
        if (value < 1 || value > 63) {
            throw new InvalidParameterException("DecompositionBaseLog must be between 1 and 63, got " + value);
        }
    }
}

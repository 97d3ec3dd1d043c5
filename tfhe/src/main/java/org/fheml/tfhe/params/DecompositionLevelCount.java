package org.fheml.tfhe.params;

import org.fheml.tfhe.InvalidParameterException;

/** The number of digits (l) of a gadget decomposition. */
public record DecompositionLevelCount(int value) {

    public DecompositionLevelCount {
        if (value < 1 || value > 64) {
            throw new InvalidParameterException("DecompositionLevelCount must be between 1 and 64, got " + value);
        }
    }
}

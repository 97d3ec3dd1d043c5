package org.fheml.compilation;

import org.fheml.tfhe.entities.LweCiphertextList;

/** A tensor of LWE ciphertexts, one per element, row-major. */
public record EncryptedTensor(Shape shape, LweCiphertextList ciphertexts) {

    public EncryptedTensor {
        if (shape.size() != ciphertexts.count()) {
            throw new IllegalArgumentException("Shape " + shape + " needs " + shape.size() + " ciphertexts, got "
                    + ciphertexts.count() + ".");
        }
    }
}

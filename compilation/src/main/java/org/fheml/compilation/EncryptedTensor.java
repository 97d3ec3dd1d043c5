package org.fheml.compilation;

import org.fheml.tfhe.entities.LweCiphertextList;

/**
 * A tensor of LWE ciphertexts, one per element, row-major.
 *
 * <p>Not copied and not immutable: the ciphertexts are the list's array. Circuits only read their arguments, so
 * several threads may pass one tensor at once, as long as none writes to it meanwhile.
 */
public record EncryptedTensor(Shape shape, LweCiphertextList ciphertexts) {

    public EncryptedTensor {
        if (shape.size() != ciphertexts.count()) {
            throw new IllegalArgumentException("Shape " + shape + " needs " + shape.size() + " ciphertexts, got "
                    + ciphertexts.count() + ".");
        }
    }
}

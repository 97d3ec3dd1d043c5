package org.fheml.tfhe.entities;

import java.util.List;

/**
 * A bootstrap key in the standard domain: one GGSW encryption, under the GLWE key, of each coefficient of the small
 * LWE key. Convert it with {@code BootstrapKeyConversion} into the {@link FourierBootstrapKey} the bootstrap uses.
 */
public record LweBootstrapKey(List<GgswCiphertext> ggsws) {

    public LweBootstrapKey {
        ggsws = List.copyOf(ggsws);
        if (ggsws.isEmpty()) {
            throw new IllegalArgumentException("A bootstrap key has one GGSW per small-key coefficient, got none");
        }
    }

    /** The dimension n of the small LWE key it encrypts. */
    public int inputLweDimension() {
        return ggsws.size();
    }
}

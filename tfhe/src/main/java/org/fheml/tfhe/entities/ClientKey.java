package org.fheml.tfhe.entities;

import org.fheml.tfhe.params.TfheParameters;

/**
 * The client's secret keys for the KS→PBS pattern: the GLWE key (whose flattened form, of dimension kN, is the "big"
 * LWE key ciphertexts are encrypted and decrypted under) and the small LWE key of dimension n. Never leaves the client.
 */
public record ClientKey(TfheParameters parameters, GlweSecretKey glweKey, LweSecretKey smallLweKey) {

    /** The key inputs are encrypted and outputs decrypted under: the flattened GLWE key. */
    public LweSecretKey bigLweKey() {
        return glweKey.asLweSecretKey();
    }
}

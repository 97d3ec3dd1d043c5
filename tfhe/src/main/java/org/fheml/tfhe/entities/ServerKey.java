package org.fheml.tfhe.entities;

import org.fheml.tfhe.params.TfheParameters;

/**
 * The evaluation keys a server needs to bootstrap in KS→PBS order: the keyswitch key from the big key (kN) to the
 * small key (n), and the Fourier bootstrap key from the small key back to the GLWE key. Holds no secret.
 */
public record ServerKey(TfheParameters parameters, LweKeyswitchKey keyswitchKey, FourierBootstrapKey bootstrapKey) {
}

package org.fheml.tfhe.entities;

import java.util.Optional;
import org.fheml.tfhe.params.TfheParameters;

/**
 * The evaluation keys a server needs to bootstrap in KS→PBS order: the keyswitch key from the big key (kN) to the
 * small key (n), and the Fourier bootstrap key from the small key back to the GLWE key. Holds no secret. Built from
 * those two, it also prepares the keyswitch key rounded to 32 bits, when its rounding noise is negligible for the
 * parameters ({@link Torus32KeyswitchKey#isNegligible}).
 */
public final class ServerKey {

    private final TfheParameters parameters;
    private final LweKeyswitchKey keyswitchKey;
    private final FourierBootstrapKey bootstrapKey;
    private final Optional<Torus32KeyswitchKey> torus32KeyswitchKey;

    public ServerKey(TfheParameters parameters, LweKeyswitchKey keyswitchKey, FourierBootstrapKey bootstrapKey) {
        this.parameters = parameters;
        this.keyswitchKey = keyswitchKey;
        this.bootstrapKey = bootstrapKey;
        this.torus32KeyswitchKey = Torus32KeyswitchKey.isNegligible(parameters)
                ? Optional.of(Torus32KeyswitchKey.roundedFrom(keyswitchKey))
                : Optional.empty();
    }

    public TfheParameters parameters() {
        return parameters;
    }

    /** The exact keyswitch key, the one that is serialized. */
    public LweKeyswitchKey keyswitchKey() {
        return keyswitchKey;
    }

    public FourierBootstrapKey bootstrapKey() {
        return bootstrapKey;
    }

    /** The keyswitch key rounded to 32 bits, absent when the rounding would add more than negligible noise. */
    public Optional<Torus32KeyswitchKey> torus32KeyswitchKey() {
        return torus32KeyswitchKey;
    }
}

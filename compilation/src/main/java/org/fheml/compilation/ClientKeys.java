package org.fheml.compilation;

import org.fheml.tfhe.entities.LweSecretKey;

/** The secret keys of a circuit's client: whoever holds them can decrypt. They never go to a server. */
public final class ClientKeys {

    private final CircuitParameters parameters;
    private final LweSecretKey lweKey;

    ClientKeys(CircuitParameters parameters, LweSecretKey lweKey) {
        this.parameters = parameters;
        this.lweKey = lweKey;
    }

    public CircuitParameters parameters() {
        return parameters;
    }

    LweSecretKey lweKey() {
        return lweKey;
    }
}

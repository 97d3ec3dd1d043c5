package org.fheml.compilation;

import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.entities.ServerKey;

/**
 * The keys of a circuit's client. The secret key decrypts; the server key (bootstrap and keyswitch keys, for
 * circuits with lookups) is what the client hands to a server, which never sees the secret one.
 */
public final class ClientKeys {

    private final CircuitParameters parameters;
    private final LweSecretKey encryptionKey;
    private final ServerKey serverKey;

    private ClientKeys(CircuitParameters parameters, LweSecretKey encryptionKey, ServerKey serverKey) {
        this.parameters = parameters;
        this.encryptionKey = encryptionKey;
        this.serverKey = serverKey;
    }

    static ClientKeys leveled(CircuitParameters.Leveled parameters, LweSecretKey key) {
        return new ClientKeys(parameters, key, null);
    }

    static ClientKeys bootstrapped(CircuitParameters.Bootstrapped parameters, ClientKey key, ServerKey serverKey) {
        return new ClientKeys(parameters, key.bigLweKey(), serverKey);
    }

    public CircuitParameters parameters() {
        return parameters;
    }

    /** The key ciphertexts are encrypted and decrypted under (the big LWE key when the circuit bootstraps). */
    LweSecretKey encryptionKey() {
        return encryptionKey;
    }

    /** The evaluation keys a server needs, or null for a circuit without bootstraps. */
    ServerKey serverKey() {
        return serverKey;
    }
}

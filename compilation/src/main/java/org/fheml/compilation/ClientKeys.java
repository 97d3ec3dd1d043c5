package org.fheml.compilation;

import org.fheml.tfhe.compression.SeededServerKey;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.entities.ServerKey;

/**
 * The keys of a circuit's client. The secret key decrypts; the server key (bootstrap and keyswitch keys, for
 * circuits with lookups) is what the client hands to a server, in its seeded form, and never the secret one. The
 * client keeps the decompressed server key too, to run the circuit itself.
 *
 * <p>Immutable once made, so thread-safe: circuits share one instance between all their callers.
 */
public final class ClientKeys {

    private final CircuitParameters parameters;
    private final LweSecretKey encryptionKey;
    private final SeededServerKey seededServerKey;
    private final ServerKey serverKey;

    private ClientKeys(CircuitParameters parameters, LweSecretKey encryptionKey, SeededServerKey seededServerKey,
            ServerKey serverKey) {
        this.parameters = parameters;
        this.encryptionKey = encryptionKey;
        this.seededServerKey = seededServerKey;
        this.serverKey = serverKey;
    }

    static ClientKeys leveled(CircuitParameters.Leveled parameters, LweSecretKey key) {
        return new ClientKeys(parameters, key, null, null);
    }

    static ClientKeys bootstrapped(CircuitParameters.Bootstrapped parameters, ClientKey key,
            SeededServerKey seededServerKey) {
        return new ClientKeys(parameters, key.bigLweKey(), seededServerKey, seededServerKey.decompress());
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

    /** The same keys in the seeded form that travels to a server, or null for a circuit without bootstraps. */
    SeededServerKey seededServerKey() {
        return seededServerKey;
    }
}

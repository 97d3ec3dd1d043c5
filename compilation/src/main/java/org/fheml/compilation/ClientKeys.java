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
    private final KeySetId keySetId;

    private ClientKeys(CircuitParameters parameters, LweSecretKey encryptionKey, SeededServerKey seededServerKey,
            ServerKey serverKey, byte[] nonce) {
        this.keySetId = KeySetId.of(CircuitSpecification.parameterBytes(parameters), nonce);
        this.parameters = parameters;
        this.encryptionKey = encryptionKey;
        this.seededServerKey = seededServerKey;
        this.serverKey = serverKey;
    }

    /** @param nonce random bytes drawn with the keys ({@link KeySetId#randomNonce()}), digested into the id */
    static ClientKeys leveled(CircuitParameters.Leveled parameters, LweSecretKey key, byte[] nonce) {
        return new ClientKeys(parameters, key, null, null, nonce);
    }

    static ClientKeys bootstrapped(CircuitParameters.Bootstrapped parameters, ClientKey key,
            SeededServerKey seededServerKey, byte[] nonce) {
        return new ClientKeys(parameters, key.bigLweKey(), seededServerKey, seededServerKey.decompress(), nonce);
    }

    /** The id that evaluation keys, arguments and results of this key set carry. */
    public KeySetId keySetId() {
        return keySetId;
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

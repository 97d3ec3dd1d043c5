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
    /** One per partition of a multi-parameter circuit (the first is {@link #serverKey}), else just that one. */
    private final java.util.List<SeededServerKey> seededServerKeys;
    private final java.util.List<ServerKey> serverKeys;
    private final KeySetId keySetId;

    private ClientKeys(CircuitParameters parameters, LweSecretKey encryptionKey,
            java.util.List<SeededServerKey> seededServerKeys, java.util.List<ServerKey> serverKeys, byte[] nonce) {
        this.keySetId = KeySetId.of(CircuitSpecification.parameterBytes(parameters), nonce);
        this.parameters = parameters;
        this.encryptionKey = encryptionKey;
        this.seededServerKeys = java.util.List.copyOf(seededServerKeys);
        this.serverKeys = java.util.List.copyOf(serverKeys);
        this.seededServerKey = seededServerKeys.isEmpty() ? null : seededServerKeys.getFirst();
        this.serverKey = serverKeys.isEmpty() ? null : serverKeys.getFirst();
    }

    /** @param nonce random bytes drawn with the keys ({@link KeySetId#randomNonce()}), digested into the id */
    static ClientKeys leveled(CircuitParameters.Leveled parameters, LweSecretKey key, byte[] nonce) {
        return new ClientKeys(parameters, key, java.util.List.of(), java.util.List.of(), nonce);
    }

    static ClientKeys bootstrapped(CircuitParameters.Bootstrapped parameters, ClientKey key,
            SeededServerKey seededServerKey, byte[] nonce) {
        return new ClientKeys(parameters, key.bigLweKey(), java.util.List.of(seededServerKey),
                java.util.List.of(seededServerKey.decompress()), nonce);
    }

    /**
     * The keys of a multi-parameter circuit: {@code keys} (one per partition) share one GLWE key, so one big key
     * encrypts and decrypts; each partition has its seeded server key.
     */
    static ClientKeys partitioned(CircuitParameters.Bootstrapped parameters, ClientKey[] keys,
            SeededServerKey[] seededServerKeys, byte[] nonce) {
        return new ClientKeys(parameters, keys[0].bigLweKey(), java.util.List.of(seededServerKeys),
                java.util.Arrays.stream(seededServerKeys).map(SeededServerKey::decompress).toList(), nonce);
    }

    /** Every partition's evaluation keys, in partition order (one for a single-parameter circuit, none leveled). */
    java.util.List<ServerKey> serverKeys() {
        return serverKeys;
    }

    /** Every partition's evaluation keys in their seeded form. */
    java.util.List<SeededServerKey> seededServerKeys() {
        return seededServerKeys;
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

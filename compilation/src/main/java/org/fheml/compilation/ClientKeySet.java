package org.fheml.compilation;

import java.util.Arrays;
import org.fheml.tfhe.compression.SeededServerKey;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.serialization.ArtifactException;
import org.fheml.tfhe.serialization.ArtifactReader;
import org.fheml.tfhe.serialization.ArtifactType;
import org.fheml.tfhe.serialization.ArtifactWriter;
import org.fheml.tfhe.serialization.TfheArtifacts;

/**
 * One client's keys for a {@link ClientCircuit}: the secret key, which never leaves the client, and the seeded
 * evaluation keys it hands to a server. {@link #secretKeys()} is the secret key as a
 * {@link ArtifactType#CLIENT_SECRET_KEYS} artifact, for a key store ({@link KeyDirectory} keeps it encrypted with a
 * passphrase); {@link #evaluationKeys()} is public.
 *
 * <p>Immutable, so thread-safe.
 */
public final class ClientKeySet {

    private static final byte LEVELED = 0;
    private static final byte BOOTSTRAPPED = 1;

    private final CircuitParameters parameters;
    private final KeySetId keySetId;
    private final LweSecretKey encryptionKey;
    private final byte[] secretKeys;
    private final byte[] evaluationKeys;

    private ClientKeySet(CircuitParameters parameters, KeySetId keySetId, LweSecretKey encryptionKey,
            byte[] secretKeys, byte[] evaluationKeys) {
        this.parameters = parameters;
        this.keySetId = keySetId;
        this.encryptionKey = encryptionKey;
        this.secretKeys = secretKeys;
        this.evaluationKeys = evaluationKeys;
    }

    static ClientKeySet leveled(CircuitParameters.Leveled parameters, LweSecretKey key, byte[] nonce) {
        KeySetId id = KeySetId.of(CircuitSpecification.parameterBytes(parameters), nonce);
        return new ClientKeySet(parameters, id, key, secretArtifact(parameters, id, LEVELED, TfheArtifacts.write(key)),
                EvaluationKeysCodec.write(id, (SeededServerKey) null));
    }

    static ClientKeySet bootstrapped(CircuitParameters.Bootstrapped parameters, ClientKey key,
            SeededServerKey evaluation, byte[] nonce) {
        KeySetId id = KeySetId.of(CircuitSpecification.parameterBytes(parameters), nonce);
        return new ClientKeySet(parameters, id, key.bigLweKey(), secretArtifact(parameters, id, BOOTSTRAPPED,
                TfheArtifacts.write(key)), EvaluationKeysCodec.write(id, evaluation));
    }

    /**
     * The keys of a multi-parameter circuit: the secret artifact holds partition 0's client key, whose GLWE key (the
     * one every partition shares) encrypts and decrypts; the other partitions' small keys only served to draw their
     * evaluation keys, which travel together.
     */
    static ClientKeySet partitioned(CircuitParameters.Bootstrapped parameters, ClientKey[] keys,
            SeededServerKey[] evaluation, byte[] nonce) {
        KeySetId id = KeySetId.of(CircuitSpecification.parameterBytes(parameters), nonce);
        return new ClientKeySet(parameters, id, keys[0].bigLweKey(), secretArtifact(parameters, id, BOOTSTRAPPED,
                TfheArtifacts.write(keys[0])), EvaluationKeysCodec.write(id, java.util.List.of(evaluation)));
    }

    /** Body: key-set id, SHA-256 of the parameters, kind, then the secret key as a nested artifact. */
    private static byte[] secretArtifact(CircuitParameters parameters, KeySetId id, byte kind, byte[] key) {
        return ArtifactWriter.of(ArtifactType.CLIENT_SECRET_KEYS).writeBytes(id.toBytes())
                .writeBytes(Digests.sha256(CircuitSpecification.parameterBytes(parameters))).writeByte(kind)
                .writeArtifact(key).toBytes();
    }

    static ClientKeySet read(CircuitParameters parameters, byte[] secretKeys, byte[] evaluationKeys) {
        byte[] expectedParameters = Digests.sha256(CircuitSpecification.parameterBytes(parameters));
        ClientKeySet keys = ArtifactReader.read(secretKeys, ArtifactType.CLIENT_SECRET_KEYS, in -> {
            KeySetId id = KeySetId.fromBytes(in.readBytes(KeySetId.BYTES, "key-set id"));
            byte[] parameterDigest = in.readBytes(32, "parameters digest");
            if (!Arrays.equals(parameterDigest, expectedParameters)) {
                throw new KeySetMismatchException("The CLIENT_SECRET_KEYS artifact holds keys made for other "
                        + "parameters than this circuit's: they are another model's keys. Generate keys for this "
                        + "model.");
            }
            int kind = in.readUnsignedByte();
            byte[] key = in.readArtifact("secret key");
            LweSecretKey encryptionKey = switch (parameters) {
                case CircuitParameters.Leveled leveled -> {
                    requireKind(in, kind, LEVELED);
                    LweSecretKey lwe = TfheArtifacts.readLweSecretKey(key);
                    if (lwe.dimension().value() != leveled.lwe().lweDimension()) {
                        throw in.error("holds a key of dimension " + lwe.dimension().value() + ", not the "
                                + leveled.lwe().lweDimension() + " of its parameters: it is damaged.");
                    }
                    yield lwe;
                }
                case CircuitParameters.Bootstrapped bootstrapped -> {
                    requireKind(in, kind, BOOTSTRAPPED);
                    ClientKey client = TfheArtifacts.readClientKey(key);
                    if (!client.parameters().equals(bootstrapped.pbs().toTfheParameters())) {
                        throw in.error("holds a key of other parameters than its circuit's: it is damaged.");
                    }
                    yield client.bigLweKey();
                }
            };
            return new ClientKeySet(parameters, id, encryptionKey, secretKeys.clone(), null);
        });
        EvaluationKeysCodec.Decoded evaluation = EvaluationKeysCodec.read(evaluationKeys);
        KeySetMismatchException.check(keys.keySetId, evaluation.keySet(), "The evaluation keys",
                "the secret key's");
        boolean bootstraps = parameters instanceof CircuitParameters.Bootstrapped;
        if (bootstraps != (evaluation.form() != EvaluationKeysCodec.Form.NONE)) {
            throw new ArtifactException("The EVALUATION_KEYS artifact " + (bootstraps ? "holds no server key, but "
                    + "this circuit bootstraps" : "holds a server key, but this circuit does not bootstrap")
                    + ": it does not belong to this key set.");
        }
        return new ClientKeySet(parameters, keys.keySetId, keys.encryptionKey, keys.secretKeys,
                evaluationKeys.clone());
    }

    private static void requireKind(ArtifactReader in, int kind, byte expected) {
        if (kind != expected) {
            throw in.error("holds a " + (kind == LEVELED ? "leveled" : "bootstrapped") + " key, but its circuit is "
                    + (expected == LEVELED ? "leveled" : "bootstrapped") + ": it is damaged.");
        }
    }

    /** The id that the evaluation keys, the arguments and the results of this key set carry. */
    public KeySetId keySetId() {
        return keySetId;
    }

    public CircuitParameters parameters() {
        return parameters;
    }

    /**
     * The evaluation keys for a server, an {@link ArtifactType#EVALUATION_KEYS} artifact: the key-set id and, for a
     * circuit that bootstraps, the seeded server key. Nothing secret.
     */
    public byte[] evaluationKeys() {
        return evaluationKeys.clone();
    }

    /**
     * The SECRET key as a {@link ArtifactType#CLIENT_SECRET_KEYS} artifact, for the client's own key store only:
     * whoever holds these bytes decrypts everything encrypted with them.
     */
    public byte[] secretKeys() {
        return secretKeys.clone();
    }

    LweSecretKey encryptionKey() {
        return encryptionKey;
    }

    @Override
    public String toString() {
        return "ClientKeySet(" + keySetId + ")";
    }
}

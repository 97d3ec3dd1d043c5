package org.fheml.tfhe.serialization;

/** What a serialized artifact holds; its tag is written in the {@link ArtifactHeader}. */
public enum ArtifactType {
    LWE_CIPHERTEXT_LIST(1),
    SEEDED_LWE_CIPHERTEXT_LIST(2),
    LWE_SECRET_KEY(3),
    TFHE_PARAMETERS(4),
    SERVER_KEY(5),
    CLIENT_KEY(6),
    SEEDED_LWE_KEYSWITCH_KEY(7),
    SEEDED_LWE_BOOTSTRAP_KEY(8),
    SEEDED_SERVER_KEY(9),
    /** A compiled circuit as a server loads it: parameters, nodes, lookup tables; no key. */
    CIRCUIT_SPECIFICATION(10),
    /** A circuit's arguments or results, bound to the key set they were encrypted for. */
    ENCRYPTED_VALUES(11),
    /** The evaluation keys a client hands to a server, bound to their key set. */
    EVALUATION_KEYS(12),
    /** What a client needs of a circuit to make keys, encrypt and decrypt: parameters and value shapes, no graph. */
    CLIENT_SPECIFICATION(13),
    /** A deployed model's server side: its circuit specification, the specification's digest and metadata. */
    SERVER_BUNDLE(14),
    /** A deployed model's client side: its client specification, quantizers and post-processing. */
    CLIENT_BUNDLE(15),
    /** A client's secret key set as stored on its own disk: the key-set id and the secret key. SECRET. */
    CLIENT_SECRET_KEYS(16),
    /** {@link #CLIENT_SECRET_KEYS} encrypted with a passphrase (PBKDF2 key, AES-GCM). */
    PASSPHRASE_ENCRYPTED(17);

    private final int tag;

    ArtifactType(int tag) {
        this.tag = tag;
    }

    /** The number written in the header. */
    public int tag() {
        return tag;
    }

    static ArtifactType ofTag(int tag) {
        for (ArtifactType type : values()) {
            if (type.tag == tag) {
                return type;
            }
        }
        throw new ArtifactException("Unknown artifact type " + tag + ": the file was written by a newer fheml, or "
                + "is damaged.");
    }
}

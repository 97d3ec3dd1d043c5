package org.fheml.compilation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The identity of one client's key set: the first 16 bytes of SHA-256 over the circuit's public parameters and a
 * random nonce drawn when the keys are generated. Evaluation keys, the client's encrypted arguments and the
 * server's results carry it, so that a server refuses ciphertexts made for other keys and a client refuses results
 * made for another key set. It reveals nothing about the secret key.
 */
public final class KeySetId {

    public static final int BYTES = 16;

    private final byte[] bytes;

    private KeySetId(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The id of the key set generated for these public parameters with this nonce. */
    static KeySetId of(byte[] publicParameters, byte[] nonce) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("fheml key set 1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            sha.update(publicParameters);
            sha.update(nonce);
            return new KeySetId(Arrays.copyOf(sha.digest(), BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** A fresh random nonce for {@link #of}. */
    static byte[] randomNonce() {
        byte[] nonce = new byte[BYTES];
        new java.security.SecureRandom().nextBytes(nonce);
        return nonce;
    }

    /** The id as an artifact stores it. */
    static KeySetId fromBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("A key-set id has " + BYTES + " bytes, got " + bytes.length + ".");
        }
        return new KeySetId(bytes.clone());
    }

    byte[] toBytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeySetId id && MessageDigest.isEqual(bytes, id.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Hexadecimal, as messages print it. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}

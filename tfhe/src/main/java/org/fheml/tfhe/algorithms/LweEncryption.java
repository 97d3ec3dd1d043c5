package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.random.AesCtrGenerator;

/** LWE encryption and decryption under a binary key: b = Σ a_i·s_i + plaintext + e with uniform a and Gaussian e. */
public final class LweEncryption {

    private LweEncryption() {
    }

    /**
     * Encrypts a torus plaintext (an encoded message, see {@link Encoding#encode}) into {@code out}.
     *
     * @param noiseStd standard deviation of e as a fraction of the torus
     * @param random masks and noise (an {@link AesCtrGenerator#fromSecureRandom()} for real data)
     */
    public static void encrypt(LweSecretKey key, long plaintext, double noiseStd, AesCtrGenerator random,
            LweCiphertext out) {
        encrypt(key, plaintext, noiseStd, random, random, out);
    }

    /**
     * Encrypts with the mask drawn from {@code masks} (n words, in order) and the noise from {@code noise}: with a
     * public seeded mask generator, only the body need be kept (seeded forms, see the compression package).
     */
    public static void encrypt(LweSecretKey key, long plaintext, double noiseStd, AesCtrGenerator masks,
            AesCtrGenerator noise, LweCiphertext out) {
        checkDimensions(key, out);
        long[] data = out.data();
        int offset = out.offset();
        masks.fillUniform(data, offset, key.dimension().value());
        data[out.bodyIndex()] = dot(data, offset, key.coefficients()) + plaintext + noise.nextTorusGaussian(noiseStd);
    }

    /** Encrypts {@code plaintexts[i]} into ciphertext i of {@code out} (as many as the list holds). */
    public static void encrypt(LweSecretKey key, long[] plaintexts, double noiseStd, AesCtrGenerator random,
            LweCiphertextList out) {
        DimensionMismatchException.check("LweDimension", "key", key.dimension().value(), "ciphertext list",
                out.dimension().value());
        DimensionMismatchException.check("ciphertext count", "plaintexts", plaintexts.length, "ciphertext list",
                out.count());
        for (int i = 0; i < plaintexts.length; i++) {
            encrypt(key, plaintexts[i], noiseStd, random, out.get(i));
        }
    }

    /** A fresh ciphertext of {@code message} under {@code encoding}. */
    public static LweCiphertext encrypt(LweSecretKey key, Encoding encoding, long message, double noiseStd,
            AesCtrGenerator random) {
        LweCiphertext out = new LweCiphertext(key.dimension());
        encrypt(key, encoding.encode(message), noiseStd, random, out);
        return out;
    }

    /** The phase b − Σ a_i·s_i: the plaintext plus the noise. */
    public static long decryptPhase(LweSecretKey key, LweCiphertext ciphertext) {
        checkDimensions(key, ciphertext);
        return ciphertext.body() - dot(ciphertext.data(), ciphertext.offset(), key.coefficients());
    }

    /** The message the ciphertext carries under {@code encoding}, rounding the noise away. */
    public static long decrypt(LweSecretKey key, Encoding encoding, LweCiphertext ciphertext) {
        return encoding.decode(decryptPhase(key, ciphertext));
    }

    /** A trivial (noiseless, keyless) encryption: zero mask, body = plaintext. */
    public static void trivialEncrypt(long plaintext, LweCiphertext out) {
        java.util.Arrays.fill(out.data(), out.offset(), out.bodyIndex(), 0);
        out.setBody(plaintext);
    }

    private static long dot(long[] mask, int offset, long[] key) {
        long sum = 0;
        for (int i = 0; i < key.length; i++) {
            sum += mask[offset + i] * key[i];
        }
        return sum;
    }

    private static void checkDimensions(LweSecretKey key, LweCiphertext ciphertext) {
        DimensionMismatchException.check("LweDimension", "key", key.dimension().value(), "ciphertext",
                ciphertext.dimension().value());
    }
}

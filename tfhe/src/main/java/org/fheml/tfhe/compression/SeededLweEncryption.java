package org.fheml.tfhe.compression;

import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * Encrypts into the seeded form: masks come from an AES-CTR stream keyed by a fresh public seed, noise from the
 * caller's secret generator, and only the bodies are kept.
 */
public final class SeededLweEncryption {

    private SeededLweEncryption() {
    }

    /**
     * @param noise  the secret source of noise (and of the mask seed): a SecureRandom-seeded generator for real data
     */
    public static SeededLweCiphertextList encrypt(LweSecretKey key, long[] plaintexts, double noiseStd,
            AesCtrGenerator noise) {
        byte[] seed = new byte[16];
        noise.nextBytes(seed);
        AesCtrGenerator masks = new AesCtrGenerator(seed);
        int n = key.dimension().value();
        long[] mask = new long[n];
        long[] s = key.coefficients();
        long[] bodies = new long[plaintexts.length];
        for (int i = 0; i < plaintexts.length; i++) {
            masks.fillUniform(mask, 0, n);
            long dot = 0;
            for (int j = 0; j < n; j++) {
                dot += mask[j] * s[j];
            }
            bodies[i] = dot + plaintexts[i] + noise.nextTorusGaussian(noiseStd);
        }
        return new SeededLweCiphertextList(key.dimension(), seed, bodies);
    }
}

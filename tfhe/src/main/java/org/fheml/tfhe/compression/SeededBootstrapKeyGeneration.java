package org.fheml.tfhe.compression;

import org.fheml.tfhe.algorithms.GgswEncryption;
import org.fheml.tfhe.entities.GgswCiphertext;
import org.fheml.tfhe.entities.GlweSecretKey;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * Generates a standard-domain bootstrap key directly in seeded form: each small-key bit is GGSW-encrypted under the
 * GLWE key into one reused GGSW, with masks from an AES-CTR stream keyed by a fresh public seed and noise from the
 * caller's secret generator, and only the rows' bodies are kept. The full key is never held.
 */
public final class SeededBootstrapKeyGeneration {

    private SeededBootstrapKeyGeneration() {
    }

    /**
     * @param noise the secret source of the noise and, first, of the 16-byte mask seed; never serialized
     */
    public static SeededLweBootstrapKey generate(LweSecretKey inputKey, GlweSecretKey outputKey,
            DecompositionBaseLog baseLog, DecompositionLevelCount levels, double glweNoiseStd, AesCtrGenerator noise) {
        byte[] seed = new byte[16];
        noise.nextBytes(seed);
        SeededLweBootstrapKey key = new SeededLweBootstrapKey(inputKey.dimension(), outputKey.glweDimension(),
                outputKey.polynomialSize(), baseLog, levels, seed);
        AesCtrGenerator masks = new AesCtrGenerator(seed);
        GgswCiphertext ggsw = new GgswCiphertext(outputKey.glweDimension(), outputKey.polynomialSize(), baseLog,
                levels);
        int n = outputKey.polynomialSize().value();
        int maskWords = outputKey.glweDimension().value() * n;
        long[] bodies = key.bodies();
        int next = 0;
        for (long bit : inputKey.coefficients()) {
            GgswEncryption.encrypt(outputKey, bit, glweNoiseStd, masks, noise, ggsw);
            for (int level = 0; level < levels.value(); level++) {
                for (int row = 0; row < outputKey.glweDimension().glweSize(); row++) {
                    System.arraycopy(ggsw.data(), ggsw.rowOffset(level, row) + maskWords, bodies, next, n);
                    next += n;
                }
            }
        }
        return key;
    }
}

package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.entities.GgswCiphertext;
import org.fheml.tfhe.entities.GlweSecretKey;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * GGSW encryption of a small integer m (a key bit for bootstrap keys). Row (level j, row r), with gadget weight
 * g = 2^(64 − (j+1)·β), is a fresh GLWE encryption, with a uniform mask, of −m·g·S_r for r &lt; k and of m·g for the
 * last row r = k. That is the same ciphertext as a GLWE encryption of 0 with m·g added to its polynomial r (the mask
 * absorbs the shift), so an external product with it multiplies by m; but here every mask is exactly what the mask
 * generator produced, which lets a seeded key regenerate it.
 */
public final class GgswEncryption {

    private GgswEncryption() {
    }

    /** Encrypts with masks and noise from one generator. */
    public static void encrypt(GlweSecretKey key, long message, double noiseStd, AesCtrGenerator random,
            GgswCiphertext out) {
        encrypt(key, message, noiseStd, random, random, out);
    }

    /**
     * Encrypts with the masks from {@code masks} and the noise from {@code noise}. The mask generator is consumed
     * row by row in storage order (level, then row), k·N words per row: mask polynomial 0 first, coefficient 0 first.
     */
    public static void encrypt(GlweSecretKey key, long message, double noiseStd, AesCtrGenerator masks,
            AesCtrGenerator noise, GgswCiphertext out) {
        DimensionMismatchException.check("GlweDimension", "key", key.glweDimension().value(), "GGSW",
                out.glweDimension().value());
        DimensionMismatchException.check("PolynomialSize", "key", key.polynomialSize().value(), "GGSW",
                out.polynomialSize().value());
        int n = key.polynomialSize().value();
        int k = key.glweDimension().value();
        int baseLog = out.baseLog().value();
        long[] data = out.data();
        long[] keyBits = key.coefficients();
        for (int level = 0; level < out.levels().value(); level++) {
            long scaled = message << (64 - (level + 1) * baseLog);
            for (int row = 0; row <= k; row++) {
                int base = out.rowOffset(level, row);
                int body = base + k * n;
                masks.fillUniform(data, base, k * n);
                for (int j = 0; j < n; j++) {
                    data[body + j] = noise.nextTorusGaussian(noiseStd);
                }
                for (int i = 0; i < k; i++) {
                    BinaryKeyProduct.addMultiply(data, body, data, base + i * n, keyBits, i * n, n);
                }
                if (row < k) {
                    for (int j = 0; j < n; j++) {
                        data[body + j] -= scaled * keyBits[row * n + j];
                    }
                } else {
                    data[body] += scaled;
                }
            }
        }
    }
}

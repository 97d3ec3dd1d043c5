package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.entities.GgswCiphertext;
import org.fheml.tfhe.entities.GlweSecretKey;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * GGSW encryption of a small integer m (a key bit for bootstrap keys): row (level j, row r) is a GLWE encryption of
 * 0 with m·2^(64 − (j+1)·β) added to its polynomial r, so that an external product with it multiplies by m.
 */
public final class GgswEncryption {

    private GgswEncryption() {
    }

    public static void encrypt(GlweSecretKey key, long message, double noiseStd, AesCtrGenerator random,
            GgswCiphertext out) {
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
                random.fillUniform(data, base, k * n);
                for (int j = 0; j < n; j++) {
                    data[body + j] = random.nextTorusGaussian(noiseStd);
                }
                for (int i = 0; i < k; i++) {
                    BinaryKeyProduct.addMultiply(data, body, data, base + i * n, keyBits, i * n, n);
                }
                data[base + row * n] += scaled;
            }
        }
    }
}

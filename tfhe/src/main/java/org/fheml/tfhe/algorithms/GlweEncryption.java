package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.entities.GlweCiphertext;
import org.fheml.tfhe.entities.GlweSecretKey;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * GLWE encryption and decryption: B = Σ A_i·S_i + plaintext + E with uniform A_i and Gaussian coefficients E. The
 * key products are exact integer products (no FFT), so the key noise is exactly the sampled noise.
 */
public final class GlweEncryption {

    private GlweEncryption() {
    }

    /** Encrypts the N-coefficient torus polynomial at {@code plaintext[offset]} into {@code out}. */
    public static void encrypt(GlweSecretKey key, long[] plaintext, int offset, double noiseStd,
            AesCtrGenerator random, GlweCiphertext out) {
        checkSizes(key, out);
        int n = key.polynomialSize().value();
        int k = key.glweDimension().value();
        long[] data = out.data();
        int body = out.bodyOffset();
        random.fillUniform(data, 0, body);
        for (int j = 0; j < n; j++) {
            data[body + j] = plaintext[offset + j] + random.nextTorusGaussian(noiseStd);
        }
        for (int i = 0; i < k; i++) {
            BinaryKeyProduct.addMultiply(data, body, data, i * n, key.coefficients(), i * n, n);
        }
    }

    /** Writes the phase polynomial B − Σ A_i·S_i into {@code phase[0, N)}. */
    public static void decryptPhase(GlweSecretKey key, GlweCiphertext ciphertext, long[] phase) {
        checkSizes(key, ciphertext);
        int n = key.polynomialSize().value();
        int k = key.glweDimension().value();
        long[] data = ciphertext.data();
        long[] product = new long[n];
        for (int i = 0; i < k; i++) {
            BinaryKeyProduct.addMultiply(product, 0, data, i * n, key.coefficients(), i * n, n);
        }
        for (int j = 0; j < n; j++) {
            phase[j] = data[ciphertext.bodyOffset() + j] - product[j];
        }
    }

    private static void checkSizes(GlweSecretKey key, GlweCiphertext ciphertext) {
        DimensionMismatchException.check("GlweDimension", "key", key.glweDimension().value(), "ciphertext",
                ciphertext.glweDimension().value());
        DimensionMismatchException.check("PolynomialSize", "key", key.polynomialSize().value(), "ciphertext",
                ciphertext.polynomialSize().value());
    }
}

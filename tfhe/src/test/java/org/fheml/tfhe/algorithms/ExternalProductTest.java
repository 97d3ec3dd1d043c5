package org.fheml.tfhe.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.FourierGgswCiphertext;
import org.fheml.tfhe.entities.GgswCiphertext;
import org.fheml.tfhe.entities.GlweCiphertext;
import org.fheml.tfhe.entities.GlweSecretKey;
import org.fheml.tfhe.fft.NegacyclicFft;
import org.fheml.tfhe.math.Polynomials;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.params.GlweDimension;
import org.fheml.tfhe.params.PolynomialSize;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GLWE encryption, the external product by a GGSW of a small integer polynomial constant, and CMUX. */
class ExternalProductTest {

    @ParameterizedTest(name = "k={0}, N={1}, base log {2}, {3} levels")
    @CsvSource({"1, 512, 12, 2", "2, 256, 8, 4", "1, 2048, 23, 1"})
    void externalProductMultipliesByTheGgswMessageAndCmuxSelects(int k, int n, int baseLog, int levels) {
        AesCtrGenerator random = AesCtrGenerator.seeded(k * 1000L + n);
        GlweSecretKey key = GlweSecretKey.generate(new GlweDimension(k), new PolynomialSize(n), random);
        Encoding encoding = new Encoding(4);
        SplittableRandom clear = new SplittableRandom(n);
        long[] m0 = clear.longs(n, 0, 16).toArray();
        long[] m1 = clear.longs(n, 0, 16).toArray();
        GlweCiphertext ct0 = encrypt(key, encoding, m0, random);
        GlweCiphertext ct1 = encrypt(key, encoding, m1, random);
        GlweCiphertext difference = new GlweCiphertext(key.glweDimension(), key.polynomialSize());
        for (long factor : new long[] {0, 1, 3}) {
            FourierGgswCiphertext ggsw = fourierGgsw(key, factor, baseLog, levels, random);
            ExternalProductScratch scratch = ExternalProductScratch.forGgsw(ggsw);
            GlweCiphertext product = new GlweCiphertext(key.glweDimension(), key.polynomialSize());
            ExternalProduct.addExternalProduct(product, ggsw, ct1, scratch);
            long[] decrypted = decrypt(key, encoding, product);
            for (int j = 0; j < n; j++) {
                assertEquals(Math.floorMod(factor * m1[j], 16), decrypted[j], "factor " + factor + ", coefficient " + j);
            }
            if (factor <= 1) {
                GlweCiphertext selected = copy(ct0);
                Cmux.cmux(ggsw, selected, ct1, difference, scratch);
                long[] expected = factor == 0 ? m0 : m1;
                long[] actual = decrypt(key, encoding, selected);
                for (int j = 0; j < n; j++) {
                    assertEquals(expected[j], actual[j], "CMUX bit " + factor + ", coefficient " + j);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 64", "3, 32"})
    void glweDecryptionInvertsEncryption(int k, int n) {
        AesCtrGenerator random = AesCtrGenerator.seeded(n);
        GlweSecretKey key = GlweSecretKey.generate(new GlweDimension(k), new PolynomialSize(n), random);
        Encoding encoding = new Encoding(6);
        long[] messages = new SplittableRandom(k).longs(n, 0, 64).toArray();
        GlweCiphertext ct = encrypt(key, encoding, messages, random);
        assertEquals(java.util.Arrays.toString(messages), java.util.Arrays.toString(decrypt(key, encoding, ct)));
        long[] phase = new long[n];
        GlweEncryption.decryptPhase(key, ct, phase);
        // the body is the exact key product plus plaintext plus noise
        long[] product = new long[n];
        for (int i = 0; i < k; i++) {
            long[] mask = java.util.Arrays.copyOfRange(ct.data(), i * n, (i + 1) * n);
            long[] keyPoly = java.util.Arrays.copyOfRange(key.coefficients(), i * n, (i + 1) * n);
            long[] term = new long[n];
            Polynomials.negacyclicMultiply(mask, keyPoly, term);
            for (int j = 0; j < n; j++) {
                product[j] += term[j];
            }
        }
        for (int j = 0; j < n; j++) {
            assertEquals(ct.data()[ct.bodyOffset() + j] - product[j], phase[j]);
        }
    }

    static GlweCiphertext encrypt(GlweSecretKey key, Encoding encoding, long[] messages, AesCtrGenerator random) {
        long[] plaintext = new long[messages.length];
        for (int j = 0; j < messages.length; j++) {
            plaintext[j] = encoding.encode(messages[j]);
        }
        GlweCiphertext ct = new GlweCiphertext(key.glweDimension(), key.polynomialSize());
        GlweEncryption.encrypt(key, plaintext, 0, 0x1p-40, random, ct);
        return ct;
    }

    static long[] decrypt(GlweSecretKey key, Encoding encoding, GlweCiphertext ct) {
        long[] phase = new long[key.polynomialSize().value()];
        GlweEncryption.decryptPhase(key, ct, phase);
        for (int j = 0; j < phase.length; j++) {
            phase[j] = encoding.decode(phase[j]);
        }
        return phase;
    }

    static FourierGgswCiphertext fourierGgsw(GlweSecretKey key, long message, int baseLog, int levels,
            AesCtrGenerator random) {
        GgswCiphertext ggsw = new GgswCiphertext(key.glweDimension(), key.polynomialSize(),
                new DecompositionBaseLog(baseLog), new DecompositionLevelCount(levels));
        GgswEncryption.encrypt(key, message, 0x1p-45, random, ggsw);
        FourierGgswCiphertext fourier = new FourierGgswCiphertext(key.glweDimension(), key.polynomialSize(),
                ggsw.baseLog(), ggsw.levels());
        FourierConversion.toFourier(ggsw, NegacyclicFft.of(key.polynomialSize()), fourier);
        return fourier;
    }

    static GlweCiphertext copy(GlweCiphertext ct) {
        GlweCiphertext copy = new GlweCiphertext(ct.glweDimension(), ct.polynomialSize());
        System.arraycopy(ct.data(), 0, copy.data(), 0, ct.data().length);
        return copy;
    }
}

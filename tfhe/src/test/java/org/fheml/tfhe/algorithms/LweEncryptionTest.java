package org.fheml.tfhe.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.junit.jupiter.api.Test;

class LweEncryptionTest {

    @Property(tries = 300)
    void decryptionInvertsEncryption(@ForAll @IntRange(min = 1, max = 40) int precision, @ForAll long message,
            @ForAll long seed) {
        AesCtrGenerator random = AesCtrGenerator.seeded(seed);
        LweSecretKey key = LweSecretKey.generate(new LweDimension(742), random);
        Encoding encoding = new Encoding(precision);
        LweCiphertext ct = LweEncryption.encrypt(key, encoding, message, 0x1p-50, random);
        assertEquals(Math.floorMod(message, encoding.messageModulus()), LweEncryption.decrypt(key, encoding, ct));
    }

    @Test
    void phaseNoiseHasTheRequestedDeviation() {
        AesCtrGenerator random = AesCtrGenerator.seeded(1);
        LweSecretKey key = LweSecretKey.generate(new LweDimension(64), random);
        double std = 0x1p-25;
        int samples = 20_000;
        LweCiphertextList list = new LweCiphertextList(key.dimension(), samples);
        long[] plaintexts = new long[samples];
        LweEncryption.encrypt(key, plaintexts, std, random, list);
        double sumSquares = 0;
        for (int i = 0; i < samples; i++) {
            double e = LweEncryption.decryptPhase(key, list.get(i)) * 0x1p-64;
            sumSquares += e * e;
        }
        assertEquals(1, Math.sqrt(sumSquares / samples) / std, 0.03);
    }

    @Test
    void masksAreNotZeroAndKeysMustMatch() {
        AesCtrGenerator random = AesCtrGenerator.seeded(2);
        LweSecretKey key = LweSecretKey.generate(new LweDimension(16), random);
        LweCiphertext ct = LweEncryption.encrypt(key, new Encoding(2), 1, 0x1p-40, random);
        long nonZero = java.util.Arrays.stream(ct.data(), 0, 16).filter(a -> a != 0).count();
        assertTrue(nonZero >= 15);
        LweSecretKey other = LweSecretKey.generate(new LweDimension(17), random);
        DimensionMismatchException e = assertThrows(DimensionMismatchException.class,
                () -> LweEncryption.decryptPhase(other, ct));
        assertEquals("Mismatched LweDimension: key=17, ciphertext=16", e.getMessage());
    }
}

package org.fheml.tfhe.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.fheml.tfhe.algorithms.LweEncryption;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.junit.jupiter.api.Test;

class SeededLweEncryptionTest {

    private static final LweSecretKey KEY = LweSecretKey.generate(new LweDimension(742), AesCtrGenerator.seeded(1));
    private static final Encoding ENCODING = new Encoding(8);

    @Test
    void expandedCiphertextsDecryptToTheirMessages() {
        long[] messages = {0, 1, 17, 200, 255, 128};
        long[] plaintexts = Arrays.stream(messages).map(ENCODING::encode).toArray();
        SeededLweCiphertextList seeded = SeededLweEncryption.encrypt(KEY, plaintexts, 0x1p-30, AesCtrGenerator.seeded(2));
        LweCiphertextList expanded = seeded.expand();
        for (int i = 0; i < messages.length; i++) {
            assertEquals(messages[i], LweEncryption.decrypt(KEY, ENCODING, expanded.get(i)));
        }
    }

    @Test
    void theSeededFormIsAboutNPlusOneTimesSmaller() {
        SeededLweCiphertextList seeded = SeededLweEncryption.encrypt(KEY, new long[30], 0x1p-30, AesCtrGenerator.seeded(3));
        assertEquals(16 + 30 * 8, seeded.sizeInBytes());
        assertEquals(30L * 743 * 8, (long) seeded.expand().data().length * 8);
    }

    @Test
    void everyEncryptionDrawsAFreshSeedAndMask() {
        AesCtrGenerator noise = AesCtrGenerator.seeded(4);
        SeededLweCiphertextList a = SeededLweEncryption.encrypt(KEY, new long[] {5}, 0x1p-30, noise);
        SeededLweCiphertextList b = SeededLweEncryption.encrypt(KEY, new long[] {5}, 0x1p-30, noise);
        assertFalse(Arrays.equals(a.maskSeed(), b.maskSeed()));
        assertTrue(a.expand().data()[0] != b.expand().data()[0]);
    }

    @Test
    void masksLookUniform() {
        LweCiphertextList expanded = SeededLweEncryption.encrypt(KEY, new long[64], 0x1p-30, AesCtrGenerator.seeded(5))
                .expand();
        long negatives = Arrays.stream(expanded.data()).filter(v -> v < 0).count();
        double share = (double) negatives / expanded.data().length;
        assertEquals(0.5, share, 0.02, "about half of uniform 64-bit words are negative");
    }
}

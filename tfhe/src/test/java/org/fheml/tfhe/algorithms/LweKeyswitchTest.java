package org.fheml.tfhe.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweKeyswitchKey;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.entities.Torus32KeyswitchKey;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.junit.jupiter.api.Test;

class LweKeyswitchTest {

    @Test
    void keyswitchedCiphertextsDecryptUnderTheOutputKey() {
        AesCtrGenerator random = AesCtrGenerator.seeded(21);
        LweSecretKey big = LweSecretKey.generate(new LweDimension(512), random);
        LweSecretKey small = LweSecretKey.generate(new LweDimension(100), random);
        LweKeyswitchKey ksk = KeyswitchKeyGeneration.generate(big, small, new DecompositionBaseLog(4),
                new DecompositionLevelCount(5), 0x1p-35, random);
        Encoding encoding = new Encoding(6);
        LweCiphertext out = new LweCiphertext(small.dimension());
        for (long m = 0; m < 64; m++) {
            LweCiphertext in = LweEncryption.encrypt(big, encoding, m, 0x1p-40, random);
            LweKeyswitch.keyswitch(ksk, in, out);
            assertEquals(m, LweEncryption.decrypt(small, encoding, out));
        }
    }

    /** The keyswitch with the key rounded to 32 bits decrypts to the same messages as the exact one. */
    @Test
    void theThirtyTwoBitKeyswitchDecryptsLikeTheExactOne() {
        AesCtrGenerator random = AesCtrGenerator.seeded(23);
        LweSecretKey big = LweSecretKey.generate(new LweDimension(1024), random);
        LweSecretKey small = LweSecretKey.generate(new LweDimension(630), random);
        LweKeyswitchKey ksk = KeyswitchKeyGeneration.generate(big, small, new DecompositionBaseLog(2),
                new DecompositionLevelCount(8), 0x1p-15, random);
        Torus32KeyswitchKey rounded = Torus32KeyswitchKey.roundedFrom(ksk);
        Encoding encoding = new Encoding(3);
        LweCiphertext exact = new LweCiphertext(small.dimension());
        LweCiphertext fast = new LweCiphertext(small.dimension());
        long[] digits = new long[8];
        int[] accumulator = new int[LweKeyswitch.accumulatorLength(rounded)];
        for (long m = 0; m < 64; m++) {
            LweCiphertext in = LweEncryption.encrypt(big, encoding, m % 8, 0x1p-25, random);
            LweKeyswitch.keyswitch(ksk, in, exact, digits);
            LweKeyswitch.keyswitch(rounded, in, fast, digits, accumulator);
            assertEquals(m % 8, LweEncryption.decrypt(small, encoding, exact));
            assertEquals(m % 8, LweEncryption.decrypt(small, encoding, fast));
            // the outputs differ by the rounding only (std about 2^-23.6), far below the keyswitch noise (std 2^-9)
            long difference = LweEncryption.decryptPhase(small, fast) - LweEncryption.decryptPhase(small, exact);
            assertTrue(Math.abs(difference * 0x1p-64) < 0x1p-20, "phases differ by " + difference * 0x1p-64);
        }
    }

    @Test
    void mismatchedDimensionsNameBothOperands() {
        AesCtrGenerator random = AesCtrGenerator.seeded(22);
        LweSecretKey big = LweSecretKey.generate(new LweDimension(64), random);
        LweSecretKey small = LweSecretKey.generate(new LweDimension(16), random);
        LweKeyswitchKey ksk = KeyswitchKeyGeneration.generate(big, small, new DecompositionBaseLog(4),
                new DecompositionLevelCount(3), 0x1p-35, random);
        DimensionMismatchException e = assertThrows(DimensionMismatchException.class,
                () -> LweKeyswitch.keyswitch(ksk, new LweCiphertext(new LweDimension(742)),
                        new LweCiphertext(new LweDimension(16))));
        assertEquals("Mismatched LweDimension: keyswitch key input=64, ciphertext=742", e.getMessage());
    }
}

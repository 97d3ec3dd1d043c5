package org.fheml.tfhe.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweKeyswitchKey;
import org.fheml.tfhe.entities.LweSecretKey;
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

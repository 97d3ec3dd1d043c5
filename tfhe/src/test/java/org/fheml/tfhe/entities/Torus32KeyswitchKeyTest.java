package org.fheml.tfhe.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fheml.tfhe.algorithms.KeyGeneration;
import org.fheml.tfhe.algorithms.KeyswitchKeyGeneration;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.params.ParameterSet;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rounding of a keyswitch key to 32 bits, and when a server key prepares it. */
class Torus32KeyswitchKeyTest {

    @Test
    void eachEntryIsRoundedToTheNearestMultipleOfTwoToThe32() {
        AesCtrGenerator random = AesCtrGenerator.seeded(31);
        LweKeyswitchKey key = KeyswitchKeyGeneration.generate(LweSecretKey.generate(new LweDimension(40), random),
                LweSecretKey.generate(new LweDimension(12), random), new DecompositionBaseLog(3),
                new DecompositionLevelCount(4), 0x1p-20, random);
        Torus32KeyswitchKey rounded = Torus32KeyswitchKey.roundedFrom(key);
        assertEquals(key.data().length, rounded.data().length);
        assertEquals(key.offsetOf(17, 2), rounded.offsetOf(17, 2));
        for (int i = 0; i < key.data().length; i++) {
            long error = key.data()[i] - ((long) rounded.data()[i] << 32);
            assertTrue(error >= -(1L << 31) && error < (1L << 31), "entry " + i + " is off by " + error);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ParameterSet.class, names = {"TFHE_LIB_GATE_INSECURE", "CONCRETE_V0_P4", "TFHE_RS_2_2_G2M64",
            "TFHE_RS_3_3_G2M64"})
    void realParameterSetsHaveNoiseToSpareForThe32BitKey(ParameterSet set) {
        assertTrue(Torus32KeyswitchKey.isNegligible(set.parameters()), set.name());
    }

    /** Keyswitch key noise 2^-25 over 1110 output coefficients: the rounding would add about 1/425 of the noise. */
    @Test
    void theEightBitSetKeepsTheExactKey() {
        assertFalse(Torus32KeyswitchKey.isNegligible(ParameterSet.TFHE_RS_4_4_G2M64.parameters()));
    }

    /** With a keyswitch key noise of 2^-30 over 64 output coefficients, rounding to 2^-32 would add 1/14 of the noise. */
    @Test
    void aTinyKeyswitchNoiseKeepsTheExactKey() {
        TfheParameters tiny = ParameterSet.INSECURE_TEST_P4.parameters();
        assertFalse(Torus32KeyswitchKey.isNegligible(tiny));
        AesCtrGenerator random = AesCtrGenerator.seeded(32);
        ServerKey server = KeyGeneration.generateServerKey(KeyGeneration.generateClientKey(tiny, random), random);
        assertTrue(server.torus32KeyswitchKey().isEmpty());
    }

    @Test
    void aServerKeyWithNoiseToSparePreparesThe32BitKey() {
        TfheParameters p = ParameterSet.CONCRETE_V0_P4.parameters();
        AesCtrGenerator random = AesCtrGenerator.seeded(33);
        ServerKey server = KeyGeneration.generateServerKey(KeyGeneration.generateClientKey(p, random), random);
        Torus32KeyswitchKey rounded = server.torus32KeyswitchKey().orElseThrow();
        assertEquals(server.keyswitchKey().sizeInBytes() / 2, rounded.sizeInBytes());
        assertEquals((int) ((server.keyswitchKey().data()[5] + (1L << 31)) >>> 32), rounded.data()[5]);
    }
}

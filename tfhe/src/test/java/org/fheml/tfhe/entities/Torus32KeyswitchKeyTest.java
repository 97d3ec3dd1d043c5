package org.fheml.tfhe.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fheml.tfhe.algorithms.BootstrapScratch;
import org.fheml.tfhe.algorithms.KeyGeneration;
import org.fheml.tfhe.algorithms.KeyswitchKeyGeneration;
import org.fheml.tfhe.algorithms.LookupTables;
import org.fheml.tfhe.algorithms.LweEncryption;
import org.fheml.tfhe.algorithms.LweKeyswitch;
import org.fheml.tfhe.algorithms.ModulusSwitchType;
import org.fheml.tfhe.algorithms.ProgrammableBootstrap;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.optimizer.FailureProbability;
import org.fheml.tfhe.optimizer.NoiseFormulas;
import org.fheml.tfhe.optimizer.NoiseModel;
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

    /** Every named set but the one made to need the exact key bootstraps with the 32-bit key. */
    @ParameterizedTest
    @EnumSource(value = ParameterSet.class, mode = EnumSource.Mode.EXCLUDE, names = "INSECURE_TEST_EXACT_KEYSWITCH")
    void namedSetsHaveNoiseToSpareForThe32BitKey(ParameterSet set) {
        assertTrue(Torus32KeyswitchKey.isNegligible(set.parameters()), set.name());
    }

    /**
     * The 8-bit set (kN = 32768, ks 2/11): the rounding adds about 1/433 of the keyswitch noise (2^-39.6 against
     * 2^-30.9), which the old yardstick refused, but the modulus switch to 2N = 65536 dominates the decision
     * (2^-27.5 centred, 2^-26.5 plain), so the rounding is 1/5000 of the least decision noise. At the set's own
     * design point (8 bits, 2-norm 17, plain modulus switch, published p_fail 2^-64.01) the failure probability moves
     * from 2^-64.44 to 2^-64.43: the bound holds.
     */
    @Test
    void theEightBitSetGetsThe32BitKeyAndKeepsItsFailureBound() {
        TfheParameters p = ParameterSet.TFHE_RS_4_4_G2M64.parameters();
        assertTrue(Torus32KeyswitchKey.isNegligible(p));
        double rounding = rounding(p);
        double keyswitch = NoiseModel.keyswitch(p, false);
        assertTrue(rounding > 1e-3 * keyswitch && rounding < 1e-2 * keyswitch, "rounding / keyswitch "
                + rounding / keyswitch);
        assertTrue(rounding < Torus32KeyswitchKey.decisionFloor(p) / 4000, "rounding / floor "
                + rounding / Torus32KeyswitchKey.decisionFloor(p));
        double decision = NoiseModel.decisionVariance(1110, 1, 32768, p.lweNoiseStd() * p.lweNoiseStd(),
                p.glweNoiseStd() * p.glweNoiseStd(), 11, 3, 2, 11, 17, false);
        double exact = FailureProbability.log2OfVariance(decision, 8);
        double rounded = FailureProbability.log2OfVariance(decision + rounding, 8);
        assertTrue(rounded <= -64.014 && exact - rounded > -0.02, exact + " -> " + rounded);
    }

    /**
     * The largest fraction the check admits costs about 0.1 % of a failure bound's exponent, as
     * {@link Torus32KeyswitchKey#isNegligible} says: 2^-64 stays below 2^-63.93, 2^-128 below 2^-127.87.
     */
    @Test
    void theAdmittedFractionKeepsFailureBoundsWithinTheirStatedMargin() {
        for (double log2Bound : new double[] {-14, -40, -64, -128}) {
            for (int precision = 1; precision <= 8; precision++) {
                double variance = FailureProbability.maximalVariance(Math.pow(2, log2Bound), precision);
                double widened = FailureProbability.log2OfVariance(
                        variance * (1 + Torus32KeyswitchKey.NEGLIGIBLE_FRACTION), precision);
                assertTrue(widened <= log2Bound * (1 - 1.1 * Torus32KeyswitchKey.NEGLIGIBLE_FRACTION),
                        log2Bound + " at p=" + precision + " became " + widened);
            }
        }
    }

    /**
     * A set made to need the exact key: its one 24-bit keyswitch level over a key of noise 2^-45 leaves a keyswitch
     * of 2^-35.6, but rounding the key to 32 bits would add 2^-8.1, more than the whole failure budget at 2 bits.
     * The server key keeps the exact key, and its bootstraps decrypt right; the same keyswitches with the rounded
     * key fail 30 % of the bootstraps (erfc(2^-4 / √(2·2^-8.1)) = 0.30).
     */
    @Test
    void aSetWhoseRoundingWouldFailBootstrapsKeepsTheExactKey() {
        TfheParameters p = ParameterSet.INSECURE_TEST_EXACT_KEYSWITCH.parameters();
        assertFalse(Torus32KeyswitchKey.isNegligible(p));
        double predictedRoundedFailure = FailureProbability.ofVariance(Torus32KeyswitchKey.decisionFloor(p)
                + rounding(p), 2);
        assertEquals(0.30, predictedRoundedFailure, 0.01);
        AesCtrGenerator random = AesCtrGenerator.seeded(34);
        ClientKey client = KeyGeneration.generateClientKey(p, random);
        ServerKey server = KeyGeneration.generateServerKey(client, random);
        assertTrue(server.torus32KeyswitchKey().isEmpty());
        int trials = 120;
        int[] failures = bootstrapFailures(p, client, server, Torus32KeyswitchKey.roundedFrom(server.keyswitchKey()),
                trials, random);
        assertEquals(0, failures[0], "the exact key's bootstraps decrypt right");
        assertTrue(failures[1] >= trials / 8 && failures[1] <= trials / 2, failures[1] + " of " + trials
                + " bootstraps failed with the rounded key");
    }

    /**
     * The tiny test set, whose keyswitch noise is so small (2^-42.8) that rounding adds 1/14 of it, gets the 32-bit
     * key since the rounding is 10^-8 of its modulus switch; its bootstraps through the server key decrypt right.
     */
    @Test
    void aTinyKeyswitchNoiseNoLongerKeepsTheExactKeyWhenTheModulusSwitchDominates() {
        TfheParameters p = ParameterSet.INSECURE_TEST_P4.parameters();
        assertTrue(rounding(p) > NoiseModel.keyswitch(p, false) / 20);
        assertTrue(Torus32KeyswitchKey.isNegligible(p));
        AesCtrGenerator random = AesCtrGenerator.seeded(32);
        ClientKey client = KeyGeneration.generateClientKey(p, random);
        ServerKey server = KeyGeneration.generateServerKey(client, random);
        Torus32KeyswitchKey rounded = server.torus32KeyswitchKey().orElseThrow();
        int[] failures = bootstrapFailures(p, client, server, rounded, 40, random);
        assertEquals(0, failures[0]);
        assertEquals(0, failures[1]);
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

    private static double rounding(TfheParameters p) {
        return NoiseFormulas.keyswitchKeyRoundingTo32Bits(p.bigLweDimension().value(), p.lweDimension().value(),
                p.ksBaseLog().value(), p.ksLevels().value());
    }

    /**
     * KS-PBS of random 2-bit messages through a table, keyswitched once by the server key's own choice and once with
     * {@code rounded}: the wrong decryptions of each.
     */
    private static int[] bootstrapFailures(TfheParameters p, ClientKey client, ServerKey server,
            Torus32KeyswitchKey rounded, int trials, AesCtrGenerator random) {
        Encoding encoding = new Encoding(2);
        LookupTable lut = LookupTables.fromFunction(p.polynomialSize(), encoding, encoding, m -> 3 - m);
        BootstrapScratch scratch = new BootstrapScratch(p);
        LweCiphertext small = new LweCiphertext(p.lweDimension());
        LweCiphertext out = new LweCiphertext(p.bigLweDimension());
        long[] digits = new long[p.ksLevels().value()];
        int[] accumulator = new int[LweKeyswitch.accumulatorLength(rounded)];
        int[] failures = new int[2];
        for (int t = 0; t < trials; t++) {
            long message = Math.floorMod(random.nextLong(), 4L);
            LweCiphertext in = LweEncryption.encrypt(client.bigLweKey(), encoding, message, p.glweNoiseStd(), random);
            ProgrammableBootstrap.bootstrap(server, in, out, lut, ModulusSwitchType.CENTERED_MEAN, scratch);
            failures[0] += LweEncryption.decrypt(client.bigLweKey(), encoding, out) == 3 - message ? 0 : 1;
            LweKeyswitch.keyswitch(rounded, in, small, digits, accumulator);
            ProgrammableBootstrap.bootstrapSmall(server.bootstrapKey(), small, out, lut,
                    ModulusSwitchType.CENTERED_MEAN, scratch);
            failures[1] += LweEncryption.decrypt(client.bigLweKey(), encoding, out) == 3 - message ? 0 : 1;
        }
        return failures;
    }
}

package org.fheml.tfhe.algorithms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweKeyswitchKey;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.entities.Torus32KeyswitchKey;
import org.fheml.tfhe.math.Polynomials;
import org.fheml.tfhe.optimizer.NoiseFormulas;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.params.ParameterSet;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.junit.jupiter.api.Test;

/**
 * The measured noise of the keyswitch, the modulus switch and the blind rotation (the bootstrap's output noise)
 * against the closed forms of tfhe-engine.md §3 that the parameter optimizer relies on: each within a factor 2.
 */
class NoiseVarianceTest {

    private static final TfheParameters P4 = ParameterSet.CONCRETE_V0_P4.parameters();

    @Test
    void keyswitchNoiseMatchesTheFormula() {
        AesCtrGenerator random = AesCtrGenerator.seeded(11);
        ClientKey client = KeyGeneration.generateClientKey(P4, random);
        LweKeyswitchKey ksk = KeyswitchKeyGeneration.generate(client.bigLweKey(), client.smallLweKey(),
                P4.ksBaseLog(), P4.ksLevels(), P4.lweNoiseStd(), random);
        LweCiphertext in = new LweCiphertext(P4.bigLweDimension());
        LweCiphertext out = new LweCiphertext(P4.lweDimension());
        Torus32KeyswitchKey rounded = Torus32KeyswitchKey.roundedFrom(ksk);
        long[] digits = new long[P4.ksLevels().value()];
        int[] accumulator = new int[LweKeyswitch.accumulatorLength(rounded)];
        int samples = 400;
        double[] errors = new double[samples];
        double[] roundedErrors = new double[samples];
        for (int i = 0; i < samples; i++) {
            LweEncryption.encrypt(client.bigLweKey(), 0, P4.glweNoiseStd(), random, in);
            long phase = LweEncryption.decryptPhase(client.bigLweKey(), in);
            LweKeyswitch.keyswitch(ksk, in, out, digits);
            errors[i] = (LweEncryption.decryptPhase(client.smallLweKey(), out) - phase) * 0x1p-64;
            LweKeyswitch.keyswitch(rounded, in, out, digits, accumulator);
            roundedErrors[i] = (LweEncryption.decryptPhase(client.smallLweKey(), out) - phase) * 0x1p-64;
        }
        double expected = NoiseFormulas.keyswitch(P4.bigLweDimension().value(), P4.ksBaseLog().value(),
                P4.ksLevels().value(), P4.lweNoiseStd() * P4.lweNoiseStd());
        assertWithinFactorTwo("keyswitch", expected, variance(errors));
        double rounding = NoiseFormulas.keyswitchKeyRoundingTo32Bits(P4.bigLweDimension().value(),
                P4.lweDimension().value(), P4.ksBaseLog().value(), P4.ksLevels().value());
        assertWithinFactorTwo("keyswitch with the key rounded to 32 bits", expected + rounding,
                variance(roundedErrors));
    }

    /**
     * The variance the rounding of the key to 32 bits adds, measured on its own: the difference of the two keyswitches'
     * outputs, on parameters whose keyswitch noise is small enough for the rounding to be visible (INSECURE_TEST_P4).
     */
    @Test
    void thirtyTwoBitKeyRoundingNoiseMatchesTheFormula() {
        TfheParameters p = ParameterSet.INSECURE_TEST_P4.parameters();
        AesCtrGenerator random = AesCtrGenerator.seeded(14);
        ClientKey client = KeyGeneration.generateClientKey(p, random);
        LweKeyswitchKey ksk = KeyswitchKeyGeneration.generate(client.bigLweKey(), client.smallLweKey(),
                p.ksBaseLog(), p.ksLevels(), p.lweNoiseStd(), random);
        Torus32KeyswitchKey rounded = Torus32KeyswitchKey.roundedFrom(ksk);
        LweCiphertext in = new LweCiphertext(p.bigLweDimension());
        LweCiphertext exact = new LweCiphertext(p.lweDimension());
        LweCiphertext fast = new LweCiphertext(p.lweDimension());
        long[] digits = new long[p.ksLevels().value()];
        int[] accumulator = new int[LweKeyswitch.accumulatorLength(rounded)];
        int samples = 2000;
        double[] differences = new double[samples];
        for (int i = 0; i < samples; i++) {
            LweEncryption.encrypt(client.bigLweKey(), 0, p.glweNoiseStd(), random, in);
            LweKeyswitch.keyswitch(ksk, in, exact, digits);
            LweKeyswitch.keyswitch(rounded, in, fast, digits, accumulator);
            differences[i] = (LweEncryption.decryptPhase(client.smallLweKey(), fast)
                    - LweEncryption.decryptPhase(client.smallLweKey(), exact)) * 0x1p-64;
        }
        double formula = NoiseFormulas.keyswitchKeyRoundingTo32Bits(p.bigLweDimension().value(),
                p.lweDimension().value(), p.ksBaseLog().value(), p.ksLevels().value());
        assertWithinFactorTwo("32-bit key rounding", formula, variance(differences));
    }

    @Test
    void modulusSwitchNoiseMatchesBothFormulas() {
        AesCtrGenerator random = AesCtrGenerator.seeded(12);
        int n = 801;
        int log2TwoN = 11;
        LweSecretKey key = LweSecretKey.generate(new LweDimension(n), random);
        LweCiphertext ct = new LweCiphertext(key.dimension());
        int[] switched = new int[n + 1];
        int samples = 20_000;
        for (ModulusSwitchType type : ModulusSwitchType.values()) {
            double[] errors = new double[samples];
            for (int i = 0; i < samples; i++) {
                LweEncryption.encrypt(key, 0, 0x1p-50, random, ct);
                ModulusSwitch.switchModulus(ct, log2TwoN, type, switched);
                long switchedPhase = switched[n];
                for (int j = 0; j < n; j++) {
                    switchedPhase -= switched[j] * key.coefficients()[j];
                }
                long phase = LweEncryption.decryptPhase(key, ct);
                errors[i] = (switchedPhase << (64 - log2TwoN)) * 0x1p-64 - phase * 0x1p-64;
            }
            double expected = type == ModulusSwitchType.PLAIN ? NoiseFormulas.modulusSwitch(n, 1024)
                    : NoiseFormulas.centeredModulusSwitch(n, 1024);
            assertWithinFactorTwo(type.name(), expected, variance(errors));
            assertTrue(Math.abs(mean(errors)) < 3 * Math.sqrt(expected / samples), type + " is biased");
        }
    }

    /**
     * The output noise of the bootstrap is the blind-rotation noise: measured over every coefficient of the
     * accumulator (N samples a bootstrap) against n·v_cmux.
     */
    @Test
    void blindRotationNoiseMatchesTheFormula() {
        AesCtrGenerator random = AesCtrGenerator.seeded(13);
        ClientKey client = KeyGeneration.generateClientKey(P4, random);
        ServerKey server = KeyGeneration.generateServerKey(client, random);
        Encoding encoding = new Encoding(4);
        LookupTable lut = LookupTables.identity(P4.polynomialSize(), encoding);
        BootstrapScratch scratch = new BootstrapScratch(P4);
        int bigN = P4.polynomialSize().value();
        int bootstraps = 12;
        double[] errors = new double[bootstraps * bigN];
        LweCiphertext out = new LweCiphertext(P4.bigLweDimension());
        long[] phase = new long[bigN];
        long[] expected = new long[bigN];
        for (int b = 0; b < bootstraps; b++) {
            LweCiphertext in = LweEncryption.encrypt(client.bigLweKey(), encoding, b, P4.glweNoiseStd(), random);
            ProgrammableBootstrap.bootstrap(server, in, out, lut, ModulusSwitchType.CENTERED_MEAN, scratch);
            long rotation = scratch.switched[P4.lweDimension().value()];
            for (int i = 0; i < P4.lweDimension().value(); i++) {
                rotation -= scratch.switched[i] * client.smallLweKey().coefficients()[i];
            }
            int power = (int) Math.floorMod(-rotation, 2L * bigN);
            Polynomials.multiplyByMonomial(lut.coefficients(), 0, expected, 0, bigN, power);
            GlweEncryption.decryptPhase(client.glweKey(), scratch.accumulator(), phase);
            for (int j = 0; j < bigN; j++) {
                errors[b * bigN + j] = (phase[j] - expected[j]) * 0x1p-64;
            }
        }
        double formula = NoiseFormulas.blindRotation(P4.lweDimension().value(), P4.glweDimension().value(), bigN,
                P4.pbsBaseLog().value(), P4.pbsLevels().value(), P4.glweNoiseStd() * P4.glweNoiseStd());
        assertWithinFactorTwo("blind rotation", formula, variance(errors));
    }

    private static void assertWithinFactorTwo(String what, double expected, double measured) {
        double ratio = measured / expected;
        assertTrue(ratio > 0.5 && ratio < 2, what + ": measured variance 2^" + log2(measured) + ", formula 2^"
                + log2(expected) + " (ratio " + ratio + ")");
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    private static double variance(double[] x) {
        double m = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += (v - m) * (v - m);
        }
        return sum / x.length;
    }
}

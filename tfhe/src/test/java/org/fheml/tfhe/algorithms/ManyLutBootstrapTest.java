package org.fheml.tfhe.algorithms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.fheml.tfhe.InvalidParameterException;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.optimizer.NoiseModel;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.params.ParameterSet;
import org.fheml.tfhe.params.PolynomialSize;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The many-LUT bootstrap decrypts every function's output exactly at every message, equals today's bootstrap bit
 * for bit with one function, batches bit for bit, decides on the same half box as one bootstrap, and its modulus
 * switch to 2N/m has the variance the noise model gives for N/m.
 */
class ManyLutBootstrapTest {

    private static final TfheParameters PARAMETERS = ParameterSet.INSECURE_TEST_P4.parameters();

    @ParameterizedTest(name = "p={0}, m={1}")
    @CsvSource({"1, 1", "1, 8", "2, 2", "2, 8", "3, 4", "4, 1", "4, 2"})
    void everyFunctionDecryptsExactlyAtEveryMessage(int precision, int functions) {
        AesCtrGenerator random = AesCtrGenerator.seeded(31L * precision + functions);
        ClientKey clientKey = KeyGeneration.generateClientKey(PARAMETERS, random);
        ServerKey serverKey = KeyGeneration.generateServerKey(clientKey, random);
        Encoding encoding = new Encoding(precision);
        long[][] messages = randomTables(functions, encoding, new SplittableRandom(precision * 7L + functions));
        LookupTable accumulator = ManyLutBootstrap.accumulator(PARAMETERS.polynomialSize(), encoding,
                torus(messages, encoding));
        BootstrapScratch scratch = new BootstrapScratch(PARAMETERS);
        LweCiphertextList out = new LweCiphertextList(PARAMETERS.bigLweDimension(), functions);
        for (int m = 0; m < encoding.messageModulus(); m++) {
            LweCiphertext in = LweEncryption.encrypt(clientKey.bigLweKey(), encoding, m, PARAMETERS.glweNoiseStd(),
                    random);
            ManyLutBootstrap.bootstrap(serverKey, in, out, 0, accumulator, ManyLutBootstrap.log2Functions(functions),
                    ModulusSwitchType.CENTERED_MEAN, scratch);
            for (int j = 0; j < functions; j++) {
                assertEquals(messages[j][m], LweEncryption.decrypt(clientKey.bigLweKey(), encoding, out.get(j)),
                        "function " + j + ", message " + m);
            }
        }
    }

    @Test
    void oneFunctionIsTodaysBootstrapBitForBit() {
        AesCtrGenerator random = AesCtrGenerator.seeded(3);
        ClientKey clientKey = KeyGeneration.generateClientKey(PARAMETERS, random);
        ServerKey serverKey = KeyGeneration.generateServerKey(clientKey, random);
        Encoding encoding = new Encoding(3);
        long[][] messages = randomTables(1, encoding, new SplittableRandom(4));
        long[][] torus = torus(messages, encoding);
        LookupTable single = LookupTables.fromTorusValues(PARAMETERS.polynomialSize(), encoding, torus[0]);
        LookupTable accumulator = ManyLutBootstrap.accumulator(PARAMETERS.polynomialSize(), encoding, torus);
        assertArrayEquals(single.coefficients(), accumulator.coefficients());
        BootstrapScratch scratch = new BootstrapScratch(PARAMETERS);
        for (ModulusSwitchType type : ModulusSwitchType.values()) {
            for (int m = 0; m < encoding.messageModulus(); m++) {
                LweCiphertext in = LweEncryption.encrypt(clientKey.bigLweKey(), encoding, m,
                        PARAMETERS.glweNoiseStd(), random);
                LweCiphertext expected = new LweCiphertext(PARAMETERS.bigLweDimension());
                ProgrammableBootstrap.bootstrap(serverKey, in, expected, single, type, scratch);
                LweCiphertextList out = new LweCiphertextList(PARAMETERS.bigLweDimension(), 1);
                ManyLutBootstrap.bootstrap(serverKey, in, out, 0, accumulator, 0, type, scratch);
                assertArrayEquals(expected.data(), out.get(0).data(), type + ", message " + m);
            }
        }
    }

    /** Mixed function counts in one batch give the single many-LUT bootstraps' ciphertexts, bit for bit. */
    @Test
    void aBatchOfMixedCountsEqualsSingleBootstrapsBitForBit() {
        AesCtrGenerator random = AesCtrGenerator.seeded(8);
        ClientKey clientKey = KeyGeneration.generateClientKey(PARAMETERS, random);
        ServerKey serverKey = KeyGeneration.generateServerKey(clientKey, random);
        Encoding encoding = new Encoding(4);
        SplittableRandom tables = new SplittableRandom(9);
        int[] log2 = {0, 3, 1, 2, 0, 1, 3, 2, 0};
        LookupTable[] luts = new LookupTable[log2.length];
        long[][][] messages = new long[log2.length][][];
        LweCiphertextList in = new LweCiphertextList(PARAMETERS.bigLweDimension(), log2.length);
        int outputs = 0;
        for (int i = 0; i < log2.length; i++) {
            messages[i] = randomTables(1 << log2[i], encoding, tables);
            luts[i] = ManyLutBootstrap.accumulator(PARAMETERS.polynomialSize(), encoding, torus(messages[i], encoding));
            LweEncryption.encrypt(clientKey.bigLweKey(), encoding.encode(i % 16), PARAMETERS.glweNoiseStd(), random,
                    in.get(i));
            outputs += 1 << log2[i];
        }
        LweCiphertextList batched = new LweCiphertextList(PARAMETERS.bigLweDimension(), outputs);
        try (BatchBootstrap batch = new BatchBootstrap(serverKey, 2, ModulusSwitchType.CENTERED_MEAN)) {
            batch.bootstrap(in, batched, luts, log2);
        }
        BootstrapScratch scratch = new BootstrapScratch(PARAMETERS);
        int position = 0;
        for (int i = 0; i < log2.length; i++) {
            LweCiphertextList single = new LweCiphertextList(PARAMETERS.bigLweDimension(), 1 << log2[i]);
            ManyLutBootstrap.bootstrap(serverKey, in.get(i), single, 0, luts[i], log2[i],
                    ModulusSwitchType.CENTERED_MEAN, scratch);
            for (int j = 0; j < 1 << log2[i]; j++, position++) {
                assertArrayEquals(words(single.get(j)), words(batched.get(position)), "input " + i + ", function " + j);
                assertEquals(messages[i][j][i % 16], LweEncryption.decrypt(clientKey.bigLweKey(), encoding,
                        batched.get(position)));
            }
        }
    }

    /**
     * A noiseless, maskless phase keeps message x exactly on [x·Δ − h, x·Δ + h), h half a box, for every function:
     * the interval one bootstrap decides on, though the switch is to 2N/m.
     */
    @ParameterizedTest(name = "p={0}, N={1}, m={2}, {3}")
    @CsvSource({"2, 256, 8, PLAIN", "3, 256, 4, CENTERED_MEAN", "4, 1024, 8, CENTERED_MEAN", "1, 512, 2, PLAIN",
            "5, 512, 8, CENTERED_MEAN"})
    void decidesOnHalfABoxLikeOneBootstrap(int precision, int bigN, int functions, ModulusSwitchType type) {
        Encoding encoding = new Encoding(precision);
        PolynomialSize size = new PolynomialSize(bigN);
        long[][] messages = randomTables(functions, encoding, new SplittableRandom(bigN + functions));
        LookupTable lut = ManyLutBootstrap.accumulator(size, encoding, torus(messages, encoding));
        long halfBox = 1L << (64 - (precision + 2));
        int log2TwoN = size.log2() + 1;
        int log2 = ManyLutBootstrap.log2Functions(functions);
        long step = 1L << (64 - log2TwoN + log2);
        long modulus = encoding.messageModulus();
        for (int m = 0; m < modulus; m++) {
            long phase = encoding.encode(m);
            for (int j = 0; j < functions; j++) {
                long[] f = messages[j];
                assertEquals(f[m], read(lut, encoding, phase + halfBox - 1, log2TwoN, log2, j, type), "below +h");
                assertEquals(f[m], read(lut, encoding, phase + halfBox - step / 2, log2TwoN, log2, j, type),
                        "half a step below +h");
                assertEquals(f[m], read(lut, encoding, phase - halfBox, log2TwoN, log2, j, type), "at −h");
                if (m + 1 < modulus) {
                    assertEquals(f[m + 1], read(lut, encoding, phase + halfBox, log2TwoN, log2, j, type), "at +h");
                }
                if (m > 0) {
                    assertEquals(f[m - 1], read(lut, encoding, phase - halfBox - 1, log2TwoN, log2, j, type),
                            "below −h");
                }
            }
        }
    }

    /**
     * The switched phase's error, body rounding included, has the variance {@link NoiseModel#switchedPhase} gives
     * for a switch to 2(N/m), within 5 % over 40 000 ciphertexts of uniform masks (the plain switch's for the key's
     * actual number of ones).
     */
    @ParameterizedTest(name = "N={0}, m={1}, {2}")
    @CsvSource({"512, 2, CENTERED_MEAN", "512, 8, CENTERED_MEAN", "1024, 4, PLAIN", "2048, 8, PLAIN"})
    void modulusSwitchNoiseIsTheModelsForNOverM(int bigN, int functions, ModulusSwitchType type) {
        int n = 64;
        AesCtrGenerator random = AesCtrGenerator.seeded(bigN + functions);
        LweSecretKey key = LweSecretKey.generate(new LweDimension(n), random);
        SplittableRandom masks = new SplittableRandom(bigN * 3L + functions);
        int log2TwoN = new PolynomialSize(bigN).log2() + 1;
        int log2 = ManyLutBootstrap.log2Functions(functions);
        int[] switched = new int[n + 1];
        int samples = 40_000;
        double sum = 0;
        double squares = 0;
        LweCiphertext ct = new LweCiphertext(new LweDimension(n));
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < n; i++) {
                ct.data()[ct.offset() + i] = masks.nextLong();
            }
            ct.setBody(masks.nextLong());
            long phase = LweEncryption.decryptPhase(key, ct);
            ManyLutBootstrap.switchModulus(ct, log2TwoN, log2, type, switched);
            long switchedPhase = switched[n];
            for (int i = 0; i < n; i++) {
                switchedPhase -= switched[i] * key.coefficients()[i];
            }
            long error = (switchedPhase << (64 - log2TwoN)) - phase;
            double torus = error * 0x1p-64;
            sum += torus;
            squares += torus * torus;
            for (int i = 0; i <= n; i++) {
                assertEquals(0, switched[i] % functions, "a rotation that is not a multiple of m");
            }
        }
        double mean = sum / samples;
        double variance = squares / samples - mean * mean;
        double model = NoiseModel.switchedPhase(n, bigN / functions, type == ModulusSwitchType.CENTERED_MEAN);
        if (type == ModulusSwitchType.PLAIN) {
            // The plain switch's masks reach the phase through the key's ones: the model assumes n/2 of them.
            long ones = java.util.Arrays.stream(key.coefficients()).filter(c -> c != 0).count();
            model *= (1 + ones) / (1 + n / 2.0);
        }
        assertEquals(1, variance / model, 0.05, "measured " + variance + ", model " + model);
    }

    @Test
    void refusesCountsAndSizesItCannotHold() {
        assertThrows(InvalidParameterException.class, () -> ManyLutBootstrap.log2Functions(3));
        assertThrows(InvalidParameterException.class, () -> ManyLutBootstrap.log2Functions(16));
        assertTrue(ManyLutBootstrap.fits(512, 4, 3));
        assertTrue(ManyLutBootstrap.fits(512, 5, 3));
        assertFalse(ManyLutBootstrap.fits(256, 5, 3));
        assertTrue(ManyLutBootstrap.fits(16, 4, 0));
        Encoding encoding = new Encoding(6);
        assertThrows(InvalidParameterException.class, () -> ManyLutBootstrap.accumulator(new PolynomialSize(512),
                encoding, torus(randomTables(8, encoding, new SplittableRandom(1)), encoding)));
    }

    /** Coefficient j of lut·X^(−b̃) for a maskless ciphertext: what output j of the bootstrap decrypts to. */
    private static long read(LookupTable lut, Encoding encoding, long phase, int log2TwoN, int log2Functions, int j,
            ModulusSwitchType type) {
        int n = 4;
        LweCiphertext ct = new LweCiphertext(new LweDimension(n));
        ct.setBody(phase);
        int[] switched = new int[n + 1];
        ManyLutBootstrap.switchModulus(ct, log2TwoN, log2Functions, type, switched);
        int bigN = 1 << (log2TwoN - 1);
        int k = (switched[n] + j) % (2 * bigN);
        long coefficient = k < bigN ? lut.coefficients()[k] : -lut.coefficients()[k - bigN];
        return encoding.decode(coefficient);
    }

    private static long[] words(LweCiphertext ct) {
        return java.util.Arrays.copyOfRange(ct.data(), ct.offset(), ct.offset() + ct.dimension().lweSize());
    }

    private static long[][] randomTables(int functions, Encoding encoding, SplittableRandom random) {
        long[][] tables = new long[functions][(int) encoding.messageModulus()];
        for (long[] table : tables) {
            for (int m = 0; m < table.length; m++) {
                table[m] = random.nextLong(encoding.messageModulus());
            }
        }
        return tables;
    }

    private static long[][] torus(long[][] messages, Encoding encoding) {
        long[][] torus = new long[messages.length][];
        for (int j = 0; j < messages.length; j++) {
            torus[j] = new long[messages[j].length];
            for (int m = 0; m < torus[j].length; m++) {
                torus[j][m] = encoding.encode(messages[j][m]);
            }
        }
        return torus;
    }
}

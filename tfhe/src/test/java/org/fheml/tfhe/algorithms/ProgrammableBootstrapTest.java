package org.fheml.tfhe.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.params.ParameterSet;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The KS→PBS bootstrap computes f(m) exactly, for the identity and random tables, at every message. */
class ProgrammableBootstrapTest {

    @ParameterizedTest(name = "p={0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void insecureSetBootstrapsEveryMessageThroughIdentityAndRandomTables(int precision) {
        checkEveryMessage(ParameterSet.INSECURE_TEST_P4.parameters(), precision, 2, 11 * precision);
    }

    @ParameterizedTest(name = "p={0}")
    @ValueSource(ints = {1, 2, 3})
    void insecureSetWithGlweDimensionTwoBootstraps(int precision) {
        checkEveryMessage(ParameterSet.INSECURE_TEST_K2.parameters(), precision, 1, 7 * precision);
    }

    @Test
    void concreteV0FourBitSetBootstrapsEveryMessage() {
        checkEveryMessage(ParameterSet.CONCRETE_V0_P4.parameters(), 4, 1, 404);
    }

    @Test
    void plainModulusSwitchAlsoBootstrapsEveryMessage() {
        checkEveryMessage(ParameterSet.INSECURE_TEST_P4.parameters(), 4, 1, 77, ModulusSwitchType.PLAIN);
    }

    /** A message in the padding half (m + 2^p) comes out as −f(m): the negacyclic sign the padding bit prevents. */
    @Test
    void inputsInThePaddingHalfReadTheTableNegated() {
        TfheParameters parameters = ParameterSet.INSECURE_TEST_P4.parameters();
        AesCtrGenerator random = AesCtrGenerator.seeded(5);
        ClientKey clientKey = KeyGeneration.generateClientKey(parameters, random);
        ServerKey serverKey = KeyGeneration.generateServerKey(clientKey, random);
        Encoding encoding = new Encoding(2);
        LookupTable lut = LookupTables.fromFunction(parameters.polynomialSize(), encoding, encoding, m -> m + 1);
        for (int m = 0; m < 4; m++) {
            LweCiphertext in = new LweCiphertext(parameters.bigLweDimension());
            LweEncryption.encrypt(clientKey.bigLweKey(), encoding.encode(m) + Long.MIN_VALUE,
                    parameters.glweNoiseStd(), random, in);
            LweCiphertext out = new LweCiphertext(parameters.bigLweDimension());
            ProgrammableBootstrap.bootstrap(serverKey, in, out, lut);
            assertEquals(Math.floorMod(-(m + 1), 4), LweEncryption.decrypt(clientKey.bigLweKey(), encoding, out));
        }
    }

    private static void checkEveryMessage(TfheParameters parameters, int precision, int randomTables, long seed) {
        checkEveryMessage(parameters, precision, randomTables, seed, ModulusSwitchType.CENTERED_MEAN);
    }

    private static void checkEveryMessage(TfheParameters parameters, int precision, int randomTables, long seed,
            ModulusSwitchType modulusSwitch) {
        AesCtrGenerator random = AesCtrGenerator.seeded(seed);
        ClientKey clientKey = KeyGeneration.generateClientKey(parameters, random);
        ServerKey serverKey = KeyGeneration.generateServerKey(clientKey, random);
        Encoding encoding = new Encoding(precision);
        BootstrapScratch scratch = new BootstrapScratch(parameters);
        SplittableRandom tables = new SplittableRandom(seed);
        for (int table = 0; table <= randomTables; table++) {
            long[] values = new long[(int) encoding.messageModulus()];
            for (int m = 0; m < values.length; m++) {
                values[m] = table == 0 ? m : tables.nextLong(encoding.messageModulus());
            }
            LookupTable lut = LookupTables.fromMessages(parameters.polynomialSize(), encoding, values, encoding);
            for (int m = 0; m < values.length; m++) {
                LweCiphertext in = LweEncryption.encrypt(clientKey.bigLweKey(), encoding, m,
                        parameters.glweNoiseStd(), random);
                LweCiphertext out = new LweCiphertext(parameters.bigLweDimension());
                ProgrammableBootstrap.bootstrap(serverKey, in, out, lut, modulusSwitch, scratch);
                assertEquals(values[m], LweEncryption.decrypt(clientKey.bigLweKey(), encoding, out),
                        "table " + table + ", message " + m);
            }
        }
    }
}

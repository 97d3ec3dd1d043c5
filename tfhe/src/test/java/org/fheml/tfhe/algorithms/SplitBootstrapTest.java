package org.fheml.tfhe.algorithms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.params.ParameterSet;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One bootstrap split across threads (GLWE polynomials of each CMUX, output coefficients of the keyswitch) equals the
 * single-thread bootstrap bit for bit, with the exact and with the 32-bit keyswitch key, for k = 1 (two even shares)
 * and k = 2 (three polynomials on two threads), over repeated calls on one instance, splitting every call or
 * adaptively (which runs split and single-thread calls).
 */
class SplitBootstrapTest {

    @ParameterizedTest(name = "{0}, {1} threads")
    @CsvSource({"INSECURE_TEST_P4, 2", "INSECURE_TEST_P4, 3", "INSECURE_TEST_P4, 1", "TFHE_LIB_GATE_INSECURE, 2",
            "INSECURE_TEST_K2, 2", "INSECURE_TEST_K2, 3", "INSECURE_TEST_EXACT_KEYSWITCH, 2"})
    void equalsTheSingleThreadBootstrapBitForBit(ParameterSet set, int threads) {
        TfheParameters p = set.parameters();
        AesCtrGenerator random = AesCtrGenerator.seeded(41);
        ClientKey client = KeyGeneration.generateClientKey(p, random);
        ServerKey server = KeyGeneration.generateServerKey(client, random);
        Encoding encoding = new Encoding(3);
        LookupTable lut = LookupTables.fromFunction(p.polynomialSize(), encoding, encoding, m -> 5 * m + 3);
        for (boolean adaptive : new boolean[] {false, true}) {
            try (SplitBootstrap split = new SplitBootstrap(server, threads, ModulusSwitchType.CENTERED_MEAN,
                    adaptive)) {
                assertEquals(Math.min(threads, p.glweDimension().glweSize()), split.threads());
                assertEqualsSingleThread(split, client, server, encoding, lut, random);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void closeWaitsUntilTheHelpersHaveEnded() {
        TfheParameters p = ParameterSet.INSECURE_TEST_P4.parameters();
        AesCtrGenerator random = AesCtrGenerator.seeded(7);
        ClientKey client = KeyGeneration.generateClientKey(p, random);
        ServerKey server = KeyGeneration.generateServerKey(client, random);
        Encoding encoding = new Encoding(3);
        LookupTable lut = LookupTables.fromFunction(p.polynomialSize(), encoding, encoding, m -> m);
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        SplitBootstrap split = new SplitBootstrap(server, 2, ModulusSwitchType.CENTERED_MEAN, false);
        LweCiphertext in = LweEncryption.encrypt(client.bigLweKey(), encoding, 3, p.glweNoiseStd(), random);
        split.bootstrap(in, new LweCiphertext(p.bigLweDimension()), lut);
        java.util.List<Thread> helpers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("fheml-split-bootstrap") && !before.contains(t)).toList();
        assertEquals(1, helpers.size(), "one helper beside the caller");
        split.close();
        split.close();
        assertEquals(java.util.List.of(), helpers.stream().filter(Thread::isAlive).toList(),
                "helpers still alive after close");
    }

    private static void assertEqualsSingleThread(SplitBootstrap split, ClientKey client, ServerKey server,
            Encoding encoding, LookupTable lut, AesCtrGenerator random) {
        TfheParameters p = server.parameters();
        BootstrapScratch scratch = new BootstrapScratch(p);
        LweCiphertext expected = new LweCiphertext(p.bigLweDimension());
        LweCiphertext actual = new LweCiphertext(p.bigLweDimension());
        for (int message = 0; message < 5; message++) {
            LweCiphertext in = LweEncryption.encrypt(client.bigLweKey(), encoding, message, p.glweNoiseStd(), random);
            ProgrammableBootstrap.bootstrap(server, in, expected, lut, ModulusSwitchType.CENTERED_MEAN, scratch);
            split.bootstrap(in, actual, lut);
            assertArrayEquals(expected.data(), actual.data(), "message " + message);
            assertEquals((5 * message + 3) % 8, LweEncryption.decrypt(client.bigLweKey(), encoding, actual));
        }
    }
}

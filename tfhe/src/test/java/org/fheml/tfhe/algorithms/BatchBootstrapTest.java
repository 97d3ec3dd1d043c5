package org.fheml.tfhe.algorithms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.params.ParameterSet;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parallel batch bootstrap, which runs each thread's share in lockstep groups (11 ciphertexts make full and
 * partial groups), gives exactly the sequential results, with the exact and with the 32-bit keyswitch key.
 */
class BatchBootstrapTest {

    @ParameterizedTest(name = "{0}, {1} threads")
    @CsvSource({"INSECURE_TEST_P4, 1", "INSECURE_TEST_P4, 2", "INSECURE_TEST_P4, 3", "TFHE_LIB_GATE_INSECURE, 2"})
    void matchesSequentialBootstrapsBitForBit(ParameterSet set, int threads) {
        TfheParameters p = set.parameters();
        AesCtrGenerator random = AesCtrGenerator.seeded(31);
        ClientKey client = KeyGeneration.generateClientKey(p, random);
        ServerKey server = KeyGeneration.generateServerKey(client, random);
        Encoding encoding = new Encoding(3);
        LookupTable lut = LookupTables.fromFunction(p.polynomialSize(), encoding, encoding, m -> m * m + 2);
        int count = 11;
        assertEquals(8, GroupBootstrapScratch.members(p), "groups of 8: one thread runs a full and a partial group");
        assertEquals(set == ParameterSet.TFHE_LIB_GATE_INSECURE, server.torus32KeyswitchKey().isPresent(),
                "both keyswitch paths are covered");
        LweCiphertextList in = new LweCiphertextList(p.bigLweDimension(), count);
        long[] plaintexts = new long[count];
        for (int i = 0; i < count; i++) {
            plaintexts[i] = encoding.encode(i);
        }
        LweEncryption.encrypt(client.bigLweKey(), plaintexts, p.glweNoiseStd(), random, in);
        LweCiphertextList out = new LweCiphertextList(p.bigLweDimension(), count);
        try (BatchBootstrap batch = new BatchBootstrap(server, threads, ModulusSwitchType.CENTERED_MEAN)) {
            batch.bootstrap(in, out, lut);
        }
        BootstrapScratch scratch = new BootstrapScratch(p);
        LweCiphertext expected = new LweCiphertext(p.bigLweDimension());
        for (int i = 0; i < count; i++) {
            ProgrammableBootstrap.bootstrap(server, in.get(i), expected, lut, ModulusSwitchType.CENTERED_MEAN, scratch);
            int offset = out.offsetOf(i);
            assertArrayEquals(expected.data(),
                    java.util.Arrays.copyOfRange(out.data(), offset, offset + p.bigLweDimension().lweSize()));
            assertEquals(Math.floorMod(i * i + 2, 8), LweEncryption.decrypt(client.bigLweKey(), encoding, out.get(i)));
        }
    }
}

package org.fheml.tfhe.algorithms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.params.ParameterSet;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parallel batch bootstrap, which runs each thread's share in lockstep groups (11 ciphertexts make full and
 * partial groups), gives exactly the sequential results, with the exact and with the 32-bit keyswitch key.
 */
class BatchBootstrapTest {

    @ParameterizedTest(name = "{0}, {1} threads")
    @CsvSource({"INSECURE_TEST_P4, 1", "INSECURE_TEST_P4, 2", "INSECURE_TEST_P4, 3", "TFHE_LIB_GATE_INSECURE, 2",
            "INSECURE_TEST_EXACT_KEYSWITCH, 2"})
    void matchesSequentialBootstrapsBitForBit(ParameterSet set, int threads) {
        TfheParameters p = set.parameters();
        AesCtrGenerator random = AesCtrGenerator.seeded(31);
        ClientKey client = KeyGeneration.generateClientKey(p, random);
        ServerKey server = KeyGeneration.generateServerKey(client, random);
        Encoding encoding = new Encoding(3);
        LookupTable lut = LookupTables.fromFunction(p.polynomialSize(), encoding, encoding, m -> m * m + 2);
        int count = 11;
        assertEquals(8, GroupBootstrapScratch.members(p), "groups of 8: one thread runs a full and a partial group");
        assertEquals(set != ParameterSet.INSECURE_TEST_EXACT_KEYSWITCH, server.torus32KeyswitchKey().isPresent(),
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

    /**
     * Six callers bootstrap different batches through one 2-thread batch bootstrap at once, 5 times each: every
     * output equals the sequential bootstrap of its input (callers sharing the pool never share a scratch).
     */
    @Test
    void concurrentCallersGetTheSequentialResults() throws Exception {
        TfheParameters p = ParameterSet.INSECURE_TEST_P4.parameters();
        AesCtrGenerator random = AesCtrGenerator.seeded(7);
        ClientKey client = KeyGeneration.generateClientKey(p, random);
        ServerKey server = KeyGeneration.generateServerKey(client, random);
        Encoding encoding = new Encoding(3);
        LookupTable lut = LookupTables.fromFunction(p.polynomialSize(), encoding, encoding, m -> 7 - m);
        int callers = 6;
        int count = 9;
        List<LweCiphertextList> inputs = new ArrayList<>();
        List<long[]> expected = new ArrayList<>();
        BootstrapScratch scratch = new BootstrapScratch(p);
        for (int c = 0; c < callers; c++) {
            LweCiphertextList in = new LweCiphertextList(p.bigLweDimension(), count);
            long[] plaintexts = new long[count];
            for (int i = 0; i < count; i++) {
                plaintexts[i] = encoding.encode((i + c) % 8);
            }
            LweEncryption.encrypt(client.bigLweKey(), plaintexts, p.glweNoiseStd(), random, in);
            LweCiphertextList sequential = new LweCiphertextList(p.bigLweDimension(), count);
            for (int i = 0; i < count; i++) {
                ProgrammableBootstrap.bootstrap(server, in.get(i), sequential.get(i), lut,
                        ModulusSwitchType.CENTERED_MEAN, scratch);
            }
            inputs.add(in);
            expected.add(sequential.data().clone());
        }
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (BatchBootstrap batch = new BatchBootstrap(server, 2, ModulusSwitchType.CENTERED_MEAN)) {
            CyclicBarrier start = new CyclicBarrier(callers);
            List<Future<Integer>> mismatches = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                mismatches.add(pool.submit(() -> {
                    start.await();
                    int wrong = 0;
                    for (int round = 0; round < 5; round++) {
                        LweCiphertextList out = new LweCiphertextList(p.bigLweDimension(), count);
                        batch.bootstrap(inputs.get(caller), out, lut);
                        wrong += java.util.Arrays.equals(expected.get(caller), out.data()) ? 0 : 1;
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> future : mismatches) {
                assertEquals(0, future.get(), "batches whose outputs differ from the sequential bootstraps");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closeEndsEveryThreadAndRefusesLaterWork() {
        TfheParameters p = ParameterSet.INSECURE_TEST_P4.parameters();
        AesCtrGenerator random = AesCtrGenerator.seeded(8);
        ClientKey client = KeyGeneration.generateClientKey(p, random);
        ServerKey server = KeyGeneration.generateServerKey(client, random);
        LookupTable lut = LookupTables.fromFunction(p.polynomialSize(), new Encoding(3), new Encoding(3), m -> m);
        LweCiphertextList in = new LweCiphertextList(p.bigLweDimension(), 4);
        LweCiphertextList out = new LweCiphertextList(p.bigLweDimension(), 4);
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        BatchBootstrap batch = new BatchBootstrap(server, 3, ModulusSwitchType.CENTERED_MEAN);
        batch.bootstrap(in, out, lut);
        List<Thread> workers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("fheml-bootstrap") && !before.contains(t)).toList();
        assertEquals(false, workers.isEmpty(), "the batch started its threads");
        batch.close();
        batch.close();
        assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream()
                .filter(workers::contains).toList(),
                "threads still alive after close");
        assertThrows(IllegalStateException.class, () -> batch.bootstrap(in, out, lut));
    }

    /**
     * Closing while four callers bootstrap leaves none of them waiting: each batch either completes with the right
     * results or fails with IllegalStateException, and every caller returns.
     */
    @Test
    void closingDuringBatchesLeavesNoCallerWaiting() throws Exception {
        TfheParameters p = ParameterSet.INSECURE_TEST_P4.parameters();
        AesCtrGenerator random = AesCtrGenerator.seeded(9);
        ClientKey client = KeyGeneration.generateClientKey(p, random);
        ServerKey server = KeyGeneration.generateServerKey(client, random);
        Encoding encoding = new Encoding(3);
        LookupTable lut = LookupTables.fromFunction(p.polynomialSize(), encoding, encoding, m -> m);
        int count = 24;
        LweCiphertextList in = new LweCiphertextList(p.bigLweDimension(), count);
        long[] plaintexts = new long[count];
        for (int i = 0; i < count; i++) {
            plaintexts[i] = encoding.encode(i % 8);
        }
        LweEncryption.encrypt(client.bigLweKey(), plaintexts, p.glweNoiseStd(), random, in);
        int callers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        BatchBootstrap batch = new BatchBootstrap(server, 1, ModulusSwitchType.CENTERED_MEAN);
        try {
            CyclicBarrier started = new CyclicBarrier(callers + 1);
            List<Future<int[]>> outcomes = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                outcomes.add(pool.submit(() -> {
                    started.await();
                    int[] rightAndRefused = new int[2];
                    for (int round = 0; round < 20; round++) {
                        LweCiphertextList out = new LweCiphertextList(p.bigLweDimension(), count);
                        try {
                            batch.bootstrap(in, out, lut);
                        } catch (IllegalStateException closed) {
                            rightAndRefused[1]++;
                            continue;
                        }
                        boolean right = true;
                        for (int i = 0; i < count; i++) {
                            right &= LweEncryption.decrypt(client.bigLweKey(), encoding, out.get(i)) == i % 8;
                        }
                        rightAndRefused[0] += right ? 1 : 0;
                    }
                    return rightAndRefused;
                }));
            }
            started.await();
            batch.close();
            for (Future<int[]> outcome : outcomes) {
                int[] rightAndRefused = outcome.get();
                assertEquals(20, rightAndRefused[0] + rightAndRefused[1], "every batch is right or refused");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

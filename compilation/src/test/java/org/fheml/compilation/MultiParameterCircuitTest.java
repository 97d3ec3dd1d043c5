package org.fheml.compilation;

import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.fheml.tfhe.optimizer.BootstrapParameters;
import org.fheml.tfhe.serialization.ArtifactException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A multi-parameter circuit: two dense layers with exact roundings of 4 bits (10 bootstraps at 4 bits) and ReLU
 * lookups on the rounded values (3 at 2 bits, 2 at 4 bits). The first ReLUs read 2 bits and the last ones' outputs
 * feed no rounding, so the compiler gives each group its own parameter set, under one GLWE key (predicted cost
 * 1297 against 1744 for one set).
 */
class MultiParameterCircuitTest {

    private static final long[][] W1 = {{3, -2, 1}, {1, 2, -3}, {-1, 3, 2}, {2, 1, 1}};
    private static final long[][] W2 = {{3, -1}, {2, 2}, {-3, 1}};
    private static final long[][] INPUTSET = {{0, 0, 0, 0}, {3, 3, 3, 3}, {3, 0, 3, 0}, {0, 3, 0, 3}};

    private static Circuit partitioned;
    private static Circuit single;

    static Circuit compile(boolean multiParameter) {
        return Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").matmul(W1).roundBitPattern(4)
                        .apply("relu", v -> Math.max(0, v)).matmul(W2).roundBitPattern(4)
                        .apply("relu", v -> Math.max(0, v)))
                .inputShape("x", 4).compile(INPUTSET, CompileOptions.defaults().withThreads(2)
                        .withMultiParameter(multiParameter));
    }

    @BeforeAll
    static void compileBoth() {
        partitioned = compile(true);
        single = compile(false);
    }

    @AfterAll
    static void close() {
        partitioned.close();
        single.close();
    }

    private static double predictedCost(CircuitParameters.Bootstrapped b) {
        double cost = 0;
        for (int i = 0; i < b.partitionCount(); i++) {
            cost += (b.partitioned() ? b.partitions().get(i).bootstrapCount() : b.bootstrapCount()) * b.pbs(i).cost();
        }
        return cost;
    }

    @Test
    void theStatisticsShowPartitionsWithTheirOwnParametersUnderOneGlweKey() {
        CircuitParameters.Bootstrapped b = (CircuitParameters.Bootstrapped) partitioned.parameters();
        CircuitParameters.Bootstrapped one = (CircuitParameters.Bootstrapped) single.parameters();
        assertTrue(b.partitioned());
        assertFalse(one.partitioned());
        CircuitStatistics statistics = partitioned.statistics();
        assertTrue(statistics.multiParameter());
        assertEquals(b.partitionCount(), statistics.partitions().size());
        assertTrue(statistics.partitions().size() >= 2);
        assertEquals(single.statistics().bootstrapCount(), statistics.bootstrapCount());
        assertEquals(statistics.bootstrapCount(), statistics.partitions().stream()
                .mapToLong(CircuitParameters.Partition::bootstrapCount).sum());
        long distinct = statistics.partitions().stream().map(CircuitParameters.Partition::pbs).distinct().count();
        assertTrue(distinct >= 2, "partitions with different parameters: " + statistics.partitions());
        assertTrue(statistics.partitions().stream().mapToInt(CircuitParameters.Partition::precision).distinct()
                .count() >= 2, "two precisions");
        for (CircuitParameters.Partition partition : statistics.partitions()) {
            BootstrapParameters p = partition.pbs();
            assertEquals(b.pbs().glweDimension(), p.glweDimension());
            assertEquals(b.pbs().polynomialSize(), p.polynomialSize());
            assertTrue(p.securityBits() >= 128 - 1e-9, "128-bit security: " + p);
            assertTrue(p.log2PError() <= Math.log(CompileOptions.DEFAULT_P_ERROR) / Math.log(2) + 1e-9, p.toString());
        }
        assertTrue(predictedCost(b) < predictedCost(one), predictedCost(b) + " against " + predictedCost(one));
        assertTrue(statistics.evaluationKeyBytes() > b.pbs().bootstrapKeyBytes() + b.pbs().keyswitchKeyBytes());
        String text = partitioned.format(false);
        assertTrue(text.contains("@partition 1") && text.contains("# partition 1:"), text);
        assertFalse(single.format(false).contains("@partition"));
    }

    @Test
    void executeEqualsDisableAndSimulateAndTheSingleSetCircuit() {
        SplittableRandom random = new SplittableRandom(13);
        for (int row = 0; row < 2; row++) {
            long[] x = new long[4];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextInt(4);
            }
            long[] disable = partitioned.evaluate(x);
            assertArrayEquals(disable, partitioned.simulate(x), "SIMULATE without errors, row " + row);
            assertArrayEquals(disable, partitioned.encryptRunDecrypt(x), "EXECUTE, row " + row);
            assertArrayEquals(single.encryptRunDecrypt(x), partitioned.encryptRunDecrypt(x), "single set, row " + row);
        }
    }

    @Test
    void aServerBuiltFromBytesRunsThePartitionedCircuit() {
        byte[] specification = partitioned.serverSpecification();
        byte[] keys = partitioned.evaluationKeys();
        assertEquals(EvaluationKeysCodec.Form.SEEDED_PARTITIONS, EvaluationKeysCodec.read(keys).form());
        try (ServerCircuit server = ServerCircuit.load(specification, keys, 2)) {
            long[] x = {3, 2, 0, 1};
            assertArrayEquals(partitioned.evaluate(x), partitioned.decryptBytes(server.run(partitioned.encryptToBytes(x))));
        }
        ArtifactException wrongKeys = assertThrows(ArtifactException.class,
                () -> ServerCircuit.load(specification, single.evaluationKeys(), 1));
        assertTrue(wrongKeys.getMessage().contains("parameter set"), wrongKeys.getMessage());
        CircuitParameters.Bootstrapped loaded = (CircuitParameters.Bootstrapped) CircuitSpecification.read(
                specification).parameters();
        CircuitParameters.Bootstrapped written = (CircuitParameters.Bootstrapped) partitioned.parameters();
        assertEquals(written.partitionCount(), loaded.partitionCount());
        for (int i = 0; i < loaded.partitionCount(); i++) {
            assertEquals(written.pbs(i), loaded.pbs(i));
            assertEquals(written.partitions().get(i).bootstrapCount(), loaded.partitions().get(i).bootstrapCount());
        }
        assertNotEquals(single.parameters(), loaded);
    }

    @org.junit.jupiter.api.Tag("slow")
    @Test
    void theInsecureKeyCacheKeepsEveryPartitionsKeys(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) {
        Circuit first = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").matmul(W1).roundBitPattern(4)
                        .apply("relu", v -> Math.max(0, v)).matmul(W2).roundBitPattern(4)
                        .apply("relu", v -> Math.max(0, v)))
                .inputShape("x", 4).compile(INPUTSET, CompileOptions.defaults().withThreads(2)
                        .withMultiParameter(true).withInsecureKeyCache(folder));
        Circuit second = new Circuit(first.graph(), first.options(), first.parameters());
        assertEquals(first.keygen().keySetId(), second.keygen().keySetId());
        long[] x = {1, 3, 2, 3};
        assertArrayEquals(first.evaluate(x), second.decrypt(first.run(second.encrypt(x))));
        first.close();
        second.close();
    }

    @Test
    void aServerBundleRoundTripRunsThePartitionedCircuitAndChecksItsKeys() {
        ServerBundle bundle = ServerBundle.fromBytes(ServerBundle.of(partitioned, "two layers").toBytes());
        assertEquals(partitioned.keygen().keySetId(), bundle.checkEvaluationKeys(partitioned.evaluationKeys()));
        assertThrows(ArtifactException.class, () -> bundle.checkEvaluationKeys(single.evaluationKeys()));
        try (ServerCircuit server = bundle.open(partitioned.evaluationKeys(), 2)) {
            long[] x = {2, 2, 1, 3};
            assertArrayEquals(partitioned.evaluate(x), partitioned.decryptBytes(server.run(partitioned.encryptToBytes(x))));
        }
    }

    @org.junit.jupiter.api.Tag("slow")
    @Test
    void aClientCircuitMakesPartitionedKeysThatAServerTakes() {
        ClientCircuit client = ClientCircuit.load(ClientCircuit.of(partitioned).toBytes());
        ClientKeySet keys = client.generateKeys();
        ClientKeySet reloaded = client.loadKeys(keys.secretKeys(), keys.evaluationKeys());
        try (ServerCircuit server = ServerCircuit.load(partitioned.serverSpecification(), keys.evaluationKeys(), 2)) {
            long[] x = {3, 1, 0, 2};
            assertArrayEquals(partitioned.evaluate(x), client.decrypt(reloaded, server.run(client.encrypt(keys, x))));
        }
    }
}

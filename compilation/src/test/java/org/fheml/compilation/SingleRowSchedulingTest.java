package org.fheml.compilation;

import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.fheml.tfhe.entities.ServerKey;
import org.junit.jupiter.api.Test;

/**
 * One row on two threads leaves a bootstrap over whenever a step's count is odd (a single lookup, the steps of an
 * exact rounding of one value): it runs split across the threads. Its outputs must be the ciphertexts, word for
 * word, that the one-thread batch computes from the same encrypted input with the same keys.
 */
class SingleRowSchedulingTest {

    private static final long[][] TABLES = {{3, 1, 4, 1, 5, 2, 6, 5}, {2, 7, 1, 0, 2, 6, 1, 0}, {7, 6, 5, 4, 3, 2, 1, 0}};

    @Test
    void aSingleLookupSplitAcrossTheThreadsGivesTheBatchsCiphertexts() {
        assertSameCiphertexts(compile(1, in -> in.get("x").lookup(new long[][] {TABLES[0]}), 7), 7);
    }

    @Test
    void anOddCountBatchesAllButOneAndSplitsTheLast() {
        assertSameCiphertexts(compile(3, in -> in.get("x").lookup(TABLES), 7), 7);
    }

    @Test
    void theStepsOfAnExactRoundingOfOneValueSplitToo() {
        assertSameCiphertexts(compile(1, in -> in.get("x").roundBitPattern(3, Exactness.EXACT), 63), 63);
    }

    /** The circuit x ↦ f(x) over {@code size} elements of 0..max, on the tiny insecure parameters, on 2 threads. */
    private static Circuit compile(int size, Function<Map<String, Tracer>, Tracer> f, long max) {
        long[] low = new long[size];
        long[] high = new long[size];
        java.util.Arrays.fill(high, max);
        Circuit secure = Compiler.of(Map.of("x", ENCRYPTED), f).inputShape("x", size).compile(new long[][] {low, high});
        return TestCircuits.insecure(secure, secure.options().withThreads(2));
    }

    private static void assertSameCiphertexts(Circuit circuit, long max) {
        ServerKey key = circuit.keygen().serverKey();
        SplittableRandom random = new SplittableRandom(13);
        int size = circuit.graph().inputs().getFirst().shape().size();
        try (CiphertextEvaluator batch = CiphertextEvaluator.create(circuit.graph(), circuit.parameters(), key, 1);
                CiphertextEvaluator split = CiphertextEvaluator.create(circuit.graph(), circuit.parameters(), key, 2)) {
            for (int row = 0; row < 6; row++) {
                long[] x = random.longs(size, 0, max + 1).toArray();
                EncryptedValues encrypted = circuit.encrypt(x);
                List<Object> one = batch.run(encrypted.values());
                List<Object> two = split.run(encrypted.values());
                assertEquals(one.size(), two.size());
                for (int o = 0; o < one.size(); o++) {
                    assertArrayEquals(((EncryptedTensor) one.get(o)).ciphertexts().data(),
                            ((EncryptedTensor) two.get(o)).ciphertexts().data(), "output " + o + " of row " + row);
                }
                assertArrayEquals(circuit.simulate(x), circuit.decrypt(new EncryptedValues(two)), "row " + row);
            }
        }
    }
}

package org.fheml.compilation;

import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CircuitStatisticsTest {

    @Test
    void aLeveledCircuitHasNoBootstrapAndNoEvaluationKey() {
        CircuitStatistics statistics = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").dot(new long[] {3, -2}))
                .compile(new long[][] {{0, 0}, {7, 7}}).statistics();
        assertEquals(0, statistics.bootstrapCount());
        assertEquals(0, statistics.evaluationKeyBytes());
        assertEquals(6, statistics.maximumBitWidth());
        assertTrue(statistics.log2GlobalPError() <= -40 + 1e-9);
        assertTrue(statistics.inputCiphertextBytes() > 2 * 8 * 450);
    }

    @Test
    void everyLookupElementIsABootstrap() {
        CircuitStatistics statistics = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").relu().sum().abs())
                .inputShape("x", 3).compile(new long[][] {{-3, 0, 3}, {2, -1, 0}}).statistics();
        assertEquals(4, statistics.bootstrapCount());
        assertEquals(4, statistics.keyswitchCount());
        assertTrue(statistics.bootstrapPrecision() >= 3);
        assertTrue(statistics.evaluationKeyBytes() > 1 << 20);
        assertTrue(statistics.log2GlobalPError() < -37, "four bootstraps at 2^-40 each");
    }
}

package org.fheml.tfhe.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fheml.tfhe.math.SignedDecomposer;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exact digit mean squares against the runtime's decomposer on uniform values (a differential test). */
class DigitStatisticsTest {

    @ParameterizedTest(name = "base 2^{0}, {1} levels")
    @CsvSource({"1, 5", "2, 3", "3, 4", "3, 6", "4, 3", "5, 3", "8, 2", "15, 1", "32, 2", "1, 19", "2, 10"})
    void matchesTheDecomposersDigits(int baseLog, int levels) {
        SignedDecomposer decomposer = new SignedDecomposer(new DecompositionBaseLog(baseLog),
                new DecompositionLevelCount(levels));
        AesCtrGenerator random = AesCtrGenerator.seeded(baseLog * 31L + levels);
        long[] digits = new long[levels];
        int samples = 200_000;
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < samples; i++) {
            decomposer.decompose(random.nextLong(), digits, 0);
            double square = 0;
            for (long d : digits) {
                square += (double) d * d;
            }
            sum += square;
            sumOfSquares += square * square;
        }
        double mean = sum / samples;
        double standardError = Math.sqrt((sumOfSquares / samples - mean * mean) / samples);
        double exact = DigitStatistics.squareSum(baseLog, levels);
        assertTrue(Math.abs(mean - exact) <= 4.5 * standardError, "measured " + mean + " ± " + standardError
                + ", exact " + exact);
    }

    /** Only the least significant level has Concrete's (B² + 2)/12; the others are lower at small bases. */
    @Test
    void belowConcretesFormAtSmallBasesAndEqualAtLargeOnes() {
        assertEquals(5.5, DigitStatistics.squareSum(3, 1), 1e-12);
        assertTrue(DigitStatistics.squareSum(3, 4) < 4 * 5.5 * 0.975);
        double base = 0x1p20;
        assertEquals(2 * (base * base + 2) / 12, DigitStatistics.squareSum(20, 2), 1e-9 * base * base);
    }
}

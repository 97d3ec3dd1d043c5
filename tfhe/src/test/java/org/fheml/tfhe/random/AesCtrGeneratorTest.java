package org.fheml.tfhe.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AesCtrGeneratorTest {

    @Test
    void seededGeneratorsAreDeterministicAndSeedsDiffer() {
        AesCtrGenerator a = AesCtrGenerator.seeded(7);
        AesCtrGenerator b = AesCtrGenerator.seeded(7);
        AesCtrGenerator c = AesCtrGenerator.seeded(8);
        for (int i = 0; i < 5000; i++) { // crosses buffer refills
            long x = a.nextLong();
            assertEquals(x, b.nextLong());
            assertNotEquals(x, c.nextLong());
        }
    }

    @Test
    void secureRandomGeneratorsDiffer() {
        assertNotEquals(AesCtrGenerator.fromSecureRandom().nextLong(), AesCtrGenerator.fromSecureRandom().nextLong());
    }

    @Test
    void bitsAreBalanced() {
        AesCtrGenerator random = AesCtrGenerator.seeded(1);
        int samples = 20_000;
        long[] bitCounts = new long[64];
        for (int i = 0; i < samples; i++) {
            long x = random.nextLong();
            for (int b = 0; b < 64; b++) {
                bitCounts[b] += (x >>> b) & 1;
            }
        }
        for (int b = 0; b < 64; b++) {
            // 6 standard deviations of a binomial(20000, 1/2): about 424
            assertEquals(samples / 2.0, bitCounts[b], 424, "bit " + b);
        }
        long[] key = new long[samples];
        random.fillBinary(key, 0, samples);
        long ones = java.util.Arrays.stream(key).sum();
        assertEquals(samples / 2.0, ones, 424);
    }

    @Test
    void torusGaussianHasTheRequestedDeviation() {
        AesCtrGenerator random = AesCtrGenerator.seeded(2);
        double std = 0x1p-20;
        int samples = 200_000;
        double sum = 0;
        double sumSquares = 0;
        long beyondThreeSigma = 0;
        for (int i = 0; i < samples; i++) {
            double x = random.nextTorusGaussian(std) * 0x1p-64;
            sum += x;
            sumSquares += x * x;
            if (Math.abs(x) > 3 * std) {
                beyondThreeSigma++;
            }
        }
        double mean = sum / samples;
        double measuredStd = Math.sqrt(sumSquares / samples - mean * mean);
        assertEquals(0, mean / std, 0.02);
        assertEquals(1, measuredStd / std, 0.01);
        // 0.27 % of a normal law lies beyond 3σ
        assertEquals(0.0027 * samples, beyondThreeSigma, 150);
    }

    @Test
    void wideNoiseWrapsAroundTheTorus() {
        AesCtrGenerator random = AesCtrGenerator.seeded(3);
        for (int i = 0; i < 1000; i++) {
            random.nextTorusGaussian(0.45); // must not saturate at Long.MAX_VALUE
        }
        assertThrows(IllegalArgumentException.class, () -> new AesCtrGenerator(new byte[8]));
    }
}

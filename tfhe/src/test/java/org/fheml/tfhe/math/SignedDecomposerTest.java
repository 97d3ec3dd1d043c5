package org.fheml.tfhe.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.junit.jupiter.api.Test;

/**
 * The balanced decomposition against a straightforward BigInteger reference: round x to the nearest multiple of
 * 2^(64 − lβ) (ties up), then peel centred digits from the least significant level.
 */
class SignedDecomposerTest {

    private static final BigInteger Q = BigInteger.ONE.shiftLeft(64);

    @Property(tries = 2000)
    void digitsAreBalancedAndRecomposeToTheClosestRepresentable(@ForAll @IntRange(min = 1, max = 32) int baseLog,
            @ForAll @IntRange(min = 1, max = 12) int levels, @ForAll long x) {
        Assume.that(baseLog * levels <= 64);
        SignedDecomposer decomposer = new SignedDecomposer(new DecompositionBaseLog(baseLog),
                new DecompositionLevelCount(levels));
        long[] digits = new long[levels];
        decomposer.decompose(x, digits, 0);
        long half = 1L << (baseLog - 1);
        for (long digit : digits) {
            assertTrue(digit >= -half && digit <= half, "digit " + digit + " outside [−B/2, B/2]");
        }
        long recomposed = decomposer.recompose(digits, 0);
        assertEquals(referenceClosest(x, baseLog * levels), recomposed);
        assertEquals(decomposer.closestRepresentable(x), recomposed);
        if (baseLog * levels < 64) {
            long error = x - recomposed;
            assertTrue(Math.abs(error) <= 1L << (63 - baseLog * levels), "rounding error " + error);
        } else {
            assertEquals(x, recomposed);
        }
        assertEquals(referenceRecomposition(referenceDigits(x, baseLog, levels), baseLog), recomposed);
    }

    @Test
    void polynomialDecompositionMatchesCoefficientByCoefficient() {
        SignedDecomposer decomposer = new SignedDecomposer(new DecompositionBaseLog(7),
                new DecompositionLevelCount(3));
        long[] poly = new java.util.SplittableRandom(5).longs(64).toArray();
        long[] levelMajor = new long[3 * 64];
        decomposer.decomposePolynomial(poly, 0, 64, levelMajor);
        long[] digits = new long[3];
        for (int t = 0; t < 64; t++) {
            decomposer.decompose(poly[t], digits, 0);
            assertArrayEquals(digits, new long[] {levelMajor[t], levelMajor[64 + t], levelMajor[128 + t]});
        }
    }

    @Test
    void digitsStayCentredOnAverage() {
        SignedDecomposer decomposer = new SignedDecomposer(new DecompositionBaseLog(4),
                new DecompositionLevelCount(4));
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        long[] digits = new long[4];
        double sum = 0;
        int samples = 100_000;
        for (int i = 0; i < samples; i++) {
            decomposer.decompose(random.nextLong(), digits, 0);
            sum += digits[3];
        }
        // the ties at ±B/2 are broken both ways, so the mean of the digits is about 0 (a variance-4.x digit)
        assertEquals(0, sum / samples, 0.05);
    }

    private static long referenceClosest(long x, int totalBits) {
        if (totalBits == 64) {
            return x;
        }
        BigInteger unsigned = new BigInteger(Long.toUnsignedString(x));
        BigInteger step = BigInteger.ONE.shiftLeft(64 - totalBits);
        BigInteger rounded = unsigned.add(step.shiftRight(1)).divide(step).multiply(step);
        return rounded.mod(Q).longValue();
    }

    private static long[] referenceDigits(long x, int baseLog, int levels) {
        BigInteger base = BigInteger.ONE.shiftLeft(baseLog);
        BigInteger value = new BigInteger(Long.toUnsignedString(referenceClosest(x, baseLog * levels)))
                .shiftRight(64 - baseLog * levels);
        long[] digits = new long[levels];
        for (int j = levels - 1; j >= 0; j--) {
            BigInteger digit = value.mod(base);
            if (digit.compareTo(base.shiftRight(1)) >= 0) {
                digit = digit.subtract(base);
            }
            digits[j] = digit.longValueExact();
            value = value.subtract(digit).divide(base);
        }
        return digits;
    }

    private static long referenceRecomposition(long[] digits, int baseLog) {
        BigInteger sum = BigInteger.ZERO;
        for (int j = 0; j < digits.length; j++) {
            sum = sum.add(BigInteger.valueOf(digits[j]).shiftLeft(64 - (j + 1) * baseLog));
        }
        return sum.mod(Q).longValue();
    }
}

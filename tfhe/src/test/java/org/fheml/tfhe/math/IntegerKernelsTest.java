package org.fheml.tfhe.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every available integer kernel, at every vector width from 128 bits to the machine's widest, against the scalar
 * reference: results must be bit-identical.
 */
class IntegerKernelsTest {

    @Test
    void theVectorKernelRunsAtEveryWidthOfTheMachine() {
        List<Integer> widths = IntegerKernels.vectorWidths();
        assertEquals(128, widths.get(0), "widths: " + widths);
        List<String> expected = new java.util.ArrayList<>(List.of("scalar"));
        widths.forEach(bits -> expected.add("vector-" + bits));
        assertEquals(expected, IntegerKernels.all().stream().map(IntegerKernel::name).toList());
        assertEquals("vector-" + widths.get(widths.size() - 1), IntegerKernels.preferred().name());
    }

    @ParameterizedTest(name = "{0} levels, length {1}")
    @CsvSource({"8, 631", "5, 743", "1, 1", "3, 7", "2, 8", "4, 16", "1, 2049"})
    void kernelsAgreeBitForBit(int levels, int length) {
        List<IntegerKernel> kernels = IntegerKernels.all();
        SplittableRandom random = new SplittableRandom(levels * 10_000L + length);
        for (int trial = 0; trial < 20; trial++) {
            long[] rows = random.longs(3 + levels * length).toArray();
            long[] digits = new long[levels];
            for (int j = 0; j < levels; j++) {
                // small balanced digits, zeros included, and now and then a full-width one
                digits[j] = trial % 5 == 4 ? random.nextLong() : random.nextLong(-2, 3);
            }
            long[] initial = random.longs(length + 2).toArray();
            long[] expected = initial.clone();
            kernels.get(0).subtractDigitCombination(expected, 2, rows, 3, digits, levels, length);
            for (IntegerKernel kernel : kernels) {
                long[] actual = initial.clone();
                kernel.subtractDigitCombination(actual, 2, rows, 3, digits, levels, length);
                assertArrayEquals(expected, actual, kernel.name());
            }
            // against the definition
            for (int t = 0; t < length; t++) {
                long value = initial[2 + t];
                for (int j = 0; j < levels; j++) {
                    value -= digits[j] * rows[3 + j * length + t];
                }
                assertEquals(value, expected[2 + t]);
            }
        }
    }

    @ParameterizedTest(name = "32-bit torus: {0} levels, length {1}")
    @CsvSource({"8, 631", "5, 834", "1, 1", "3, 7", "2, 8", "4, 16", "1, 2049"})
    void kernelsAgreeBitForBitOnTheThirtyTwoBitTorus(int levels, int length) {
        List<IntegerKernel> kernels = IntegerKernels.all();
        SplittableRandom random = new SplittableRandom(levels * 20_000L + length);
        for (int trial = 0; trial < 20; trial++) {
            int[] rows = random.ints(3 + levels * length).toArray();
            long[] digits = new long[levels];
            for (int j = 0; j < levels; j++) {
                // small balanced digits, zeros included, and now and then a full-width one (only its low half counts)
                digits[j] = trial % 5 == 4 ? random.nextLong() : random.nextLong(-2, 3);
            }
            int[] initial = random.ints(length + 2).toArray();
            int[] expected = initial.clone();
            kernels.get(0).subtractDigitCombination(expected, 2, rows, 3, digits, levels, length);
            for (IntegerKernel kernel : kernels) {
                int[] actual = initial.clone();
                kernel.subtractDigitCombination(actual, 2, rows, 3, digits, levels, length);
                assertArrayEquals(expected, actual, kernel.name());
            }
            // against the definition, computed mod 2^64 and truncated
            for (int t = 0; t < length; t++) {
                long value = initial[2 + t];
                for (int j = 0; j < levels; j++) {
                    value -= digits[j] * rows[3 + j * length + t];
                }
                assertEquals((int) value, expected[2 + t]);
            }
        }
    }
}

package org.fheml.tfhe.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import org.fheml.tfhe.math.Polynomials;
import org.fheml.tfhe.math.SignedDecomposer;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.params.PolynomialSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every available kernel against the scalar reference. The SIMD kernel computes the same transform in the same
 * (bit-reversed) order but with radix-4 passes, in-register stages and fused multiply-adds, so its floating-point
 * results differ by rounding only. Stated bound: every double output is within 2^-44 × (the largest magnitude of that
 * output) of the reference (about 30 ulps of the largest value at M = 32768, 15 stages); the torus outputs of the
 * rounding step are within 2^(e − 48) of the reference for inputs below 2^e. The vectorised rounding itself, the
 * long-to-double conversion and the decomposition digits are bit-exact. {@link FftKernels#all()} holds the vector
 * kernel at every width from 128 bits to the machine's widest, so each test runs at 128, 256 and 512 bits on an
 * AVX-512 machine.
 */
class FftKernelsTest {

    private static final double RELATIVE_BOUND = 0x1p-44;

    @Test
    void theVectorKernelRunsAtEveryWidthOfTheMachine() {
        // the build runs tests with --add-modules jdk.incubator.vector
        List<Integer> widths = FftKernels.vectorWidths();
        assertEquals(128, widths.get(0), "widths: " + widths);
        assertEquals(DoubleVector.SPECIES_PREFERRED.vectorBitSize(), widths.get(widths.size() - 1));
        List<String> expected = new java.util.ArrayList<>(List.of("scalar"));
        widths.forEach(bits -> expected.add("vector-" + bits));
        assertEquals(expected, FftKernels.all().stream().map(FftKernel::name).toList());
        assertTrue(FftKernels.all().contains(FftKernels.preferred()), FftKernels.preferred().name());
        assertEquals("vector-128", FftKernels.named("vector-128").name());
        assertEquals(FftKernels.scalar(), FftKernels.named("scalar"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FftKernels.named("vector-4096"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8, 16, 32, 64, 128, 512, 1024, 4096, 32768})
    void kernelsAgreeWithinTheStatedBound(int m) {
        List<FftKernel> kernels = FftKernels.all();
        FftKernel reference = kernels.get(0);
        FftPlan plan = new FftPlan(m);
        SplittableRandom random = new SplittableRandom(m);
        long[] poly = random.longs(2 * m).toArray();
        double[] twistRe = random.doubles(m, -1, 1).toArray();
        double[] twistIm = random.doubles(m, -1, 1).toArray();
        double[] bRe = random.doubles(m + 3, -1e20, 1e20).toArray();
        double[] bIm = random.doubles(m + 3, -1e20, 1e20).toArray();
        double[][] expected = run(reference, plan, poly, twistRe, twistIm, bRe, bIm);
        for (FftKernel kernel : kernels.subList(1, kernels.size())) {
            double[][] actual = run(kernel, plan, poly, twistRe, twistIm, bRe, bIm);
            for (int i = 0; i < expected.length; i++) {
                assertClose(expected[i], actual[i], kernel.name() + " output " + i + ", M=" + m);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 8, 64, 512, 2048})
    void inverseUndoesForwardUpToTheScale(int m) {
        FftPlan plan = new FftPlan(m);
        SplittableRandom random = new SplittableRandom(m + 1);
        for (FftKernel kernel : FftKernels.all()) {
            double[] re = random.doubles(m, -1, 1).toArray();
            double[] im = random.doubles(m, -1, 1).toArray();
            double[] re0 = re.clone();
            double[] im0 = im.clone();
            kernel.forward(plan, re, im);
            kernel.inverse(plan, re, im);
            for (int j = 0; j < m; j++) {
                assertEquals(re0[j], re[j] / m, 1e-12, kernel.name());
                assertEquals(im0[j], im[j] / m, 1e-12, kernel.name());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 64, 1024})
    void untwistAndRoundingAgreeWithinTheStatedBound(int m) {
        SplittableRandom random = new SplittableRandom(m);
        double[] twistRe = random.doubles(m, -1, 1).toArray();
        double[] twistIm = random.doubles(m, -1, 1).toArray();
        int e = 72;
        double[] re = random.doubles(m, -0x1p72, 0x1p72).toArray();
        double[] im = random.doubles(m, -0x1p72, 0x1p72).toArray();
        long[] initial = random.longs(2 * m).toArray();
        long[] expected = initial.clone();
        FftKernels.scalar().untwistAdd(re, im, twistRe, twistIm, 1.0 / m, expected, 0, m);
        for (FftKernel kernel : FftKernels.all()) {
            long[] actual = initial.clone();
            kernel.untwistAdd(re.clone(), im.clone(), twistRe, twistIm, 1.0 / m, actual, 0, m);
            for (int j = 0; j < 2 * m; j++) {
                assertTrue(Math.abs(actual[j] - expected[j]) <= 1L << (e - 48), kernel.name() + " coefficient " + j);
            }
        }
    }

    /**
     * The rounding to the torus through untwistAdd with the identity twist and scale 1, at every width, bit for bit
     * against {@link TorusRounding} over its stated domain |v| < 2^115, ties and both sides of 2^52, 2^63 and 2^64
     * included.
     */
    @Test
    void vectorRoundingIsBitExactAtEveryWidth() {
        SplittableRandom random = new SplittableRandom(11);
        double[] special = {0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0x1p51 + 0.5, 0x1p52 - 0.5, -0x1p52 + 0.5, 0x1p52,
            -0x1p52, 0x1p52 + 1, 0x1p53, 0x1p62, 0x1p63, -0x1p63, 0x1p63 + 0x1p11, 0x1p64, -0x1p64, 0x1p64 - 0x1p11,
            0x1p65 + 0x1p13, 0x1p95 + 0x1p43, 0x1p100, -0x1p114 * 1.5, 0x1p115 - 0x1p62, -Double.MIN_VALUE, 1e-300,
            12345.4999999, -98765.5000001, 3 * 0x1p63, 5 * 0x1p63, -7 * 0x1p63, 0x1p31 + 0.5, -0x1p31 - 0.5};
        int m = 4096;
        double[] values = new double[2 * m];
        System.arraycopy(special, 0, values, 0, special.length);
        for (int i = special.length; i < values.length; i++) {
            double magnitude = Math.scalb(1.0, random.nextInt(-4, 115));
            values[i] = random.nextDouble(-magnitude, magnitude);
        }
        double[] ones = new double[m];
        java.util.Arrays.fill(ones, 1.0);
        double[] zeros = new double[m];
        for (FftKernel kernel : FftKernels.all()) {
            long[] rounded = new long[2 * m];
            kernel.untwistAdd(java.util.Arrays.copyOf(values, m), java.util.Arrays.copyOfRange(values, m, 2 * m), ones,
                    zeros, 1.0, rounded, 0, m);
            for (int j = 0; j < 2 * m; j++) {
                assertEquals(TorusRounding.roundToTorus(values[j]), rounded[j], kernel.name() + " value " + values[j]);
            }
        }
    }

    /** The long-to-double conversion of foldTwist (identity twist) is the correctly rounded cast at every width. */
    @Test
    void integerConversionIsBitExactAtEveryWidth() {
        SplittableRandom random = new SplittableRandom(12);
        long[] special = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 53, (1L << 53) + 1, -(1L << 53) - 1,
            (1L << 62) + 1025, (1L << 62) + 1024 + 512, -(1L << 62) - 512, 0xFFFF_FFFFL, -0x1_0000_0000L,
            0x7FFF_FFFF_0000_0000L, (1L << 54) + 2, (1L << 54) + 6, 1L << 51, -(1L << 51)};
        int m = 1024;
        long[] values = new long[2 * m];
        System.arraycopy(special, 0, values, 0, special.length);
        for (int i = special.length; i < values.length; i++) {
            values[i] = random.nextLong() >> random.nextInt(64);
        }
        double[] ones = new double[m];
        java.util.Arrays.fill(ones, 1.0);
        double[] zeros = new double[m];
        for (FftKernel kernel : FftKernels.all()) {
            double[] re = new double[m];
            double[] im = new double[m];
            kernel.foldTwist(values, 0, ones, zeros, re, im, m);
            for (int j = 0; j < m; j++) {
                assertEquals((double) values[j], re[j], kernel.name() + " value " + values[j]);
                assertEquals((double) values[j + m], im[j], kernel.name() + " value " + values[j + m]);
            }
        }
    }

    @ParameterizedTest(name = "base log {0}, {1} levels, M={2}")
    @CsvSource({"7, 3, 512", "23, 1, 1024", "4, 16, 64", "10, 2, 4", "32, 2, 16", "16, 4, 8", "1, 5, 1",
            "51, 1, 64", "52, 1, 64"})
    void fusedDecompositionMatchesTheDecomposerAndTheFold(int baseLog, int levels, int m) {
        SignedDecomposer decomposer = new SignedDecomposer(new DecompositionBaseLog(baseLog),
                new DecompositionLevelCount(levels));
        SplittableRandom random = new SplittableRandom(baseLog * 100 + levels);
        long[] poly = random.longs(2 * m + 5).toArray();
        double[] twistRe = random.doubles(m, -1, 1).toArray();
        double[] twistIm = random.doubles(m, -1, 1).toArray();
        // reference: the decomposer's digits, then the scalar fold-and-twist of each level
        long[] digits = new long[levels * 2 * m];
        decomposer.decomposePolynomial(poly, 5, 2 * m, digits);
        double[][] expectedRe = new double[levels][m];
        double[][] expectedIm = new double[levels][m];
        for (int level = 0; level < levels; level++) {
            FftKernels.scalar().foldTwist(digits, level * 2 * m, twistRe, twistIm, expectedRe[level],
                    expectedIm[level], m);
        }
        int stride = 3;
        for (FftKernel kernel : FftKernels.all()) {
            double[][] re = new double[1 + levels * stride][m];
            double[][] im = new double[1 + levels * stride][m];
            kernel.decomposeFoldTwist(poly, 5, decomposer, twistRe, twistIm, re, im, 1, stride, m);
            for (int level = 0; level < levels; level++) {
                if (kernel == FftKernels.scalar()) {
                    assertArrayEquals(expectedRe[level], re[1 + level * stride], 0.0);
                    assertArrayEquals(expectedIm[level], im[1 + level * stride], 0.0);
                } else {
                    assertClose(expectedRe[level], re[1 + level * stride], kernel.name() + " level " + level);
                    assertClose(expectedIm[level], im[1 + level * stride], kernel.name() + " level " + level);
                }
            }
        }
    }

    /**
     * With the twist 1 the fold holds the digits themselves: every kernel's digits equal the decomposer's exactly,
     * on random values and on values whose fields sit at the tie B/2 and its neighbours (where the vector kernel's
     * carry-free digits must follow the decomposer's tie rule).
     */
    @ParameterizedTest(name = "base log {0}, {1} levels")
    @CsvSource({"7, 3", "23, 1", "4, 16", "10, 2", "32, 2", "16, 4", "1, 5", "51, 1", "2, 32", "8, 8", "21, 3",
            "1, 64"})
    void foldedDigitsEqualTheDecomposersExactly(int baseLog, int levels) {
        SignedDecomposer decomposer = new SignedDecomposer(new DecompositionBaseLog(baseLog),
                new DecompositionLevelCount(levels));
        int m = 256;
        SplittableRandom random = new SplittableRandom(31L * baseLog + levels);
        long[] poly = new long[2 * m];
        long half = 1L << (baseLog - 1);
        long[] fields = {0, half, half - 1, half + 1, 2 * half - 1};
        for (int t = 0; t < 2 * m; t++) {
            if (t % 2 == 0) {
                poly[t] = random.nextLong();
                continue;
            }
            // fields of the rounded state chosen among the tie and its neighbours, the bits below random
            long state = 0;
            for (int j = 0; j < levels; j++) {
                long field = random.nextInt(4) == 0 ? random.nextLong() : fields[random.nextInt(fields.length)];
                state = (state << baseLog) | (field & (2 * half - 1));
            }
            int below = 64 - baseLog * levels;
            poly[t] = below == 0 ? state : (state << below) | (random.nextLong() >>> (64 - below) >>> 1);
        }
        long[] digits = new long[levels * 2 * m];
        decomposer.decomposePolynomial(poly, 0, 2 * m, digits);
        double[] one = new double[m];
        java.util.Arrays.fill(one, 1);
        double[] zero = new double[m];
        for (FftKernel kernel : FftKernels.all()) {
            double[][] re = new double[levels][m];
            double[][] im = new double[levels][m];
            kernel.decomposeFoldTwist(poly, 0, decomposer, one, zero, re, im, 0, 1, m);
            for (int level = 0; level < levels; level++) {
                for (int j = 0; j < m; j++) {
                    assertEquals((double) digits[level * 2 * m + j], re[level][j],
                            kernel.name() + " level " + level + ", coefficient " + j);
                    assertEquals((double) digits[level * 2 * m + j + m], im[level][j],
                            kernel.name() + " level " + level + ", coefficient " + (j + m));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 8, 512})
    void multiplyAccumulateSumMatchesRepeatedMultiplyAccumulate(int m) {
        SplittableRandom random = new SplittableRandom(m);
        int count = 6;
        int stride = 2 * m;
        double[][] aRe = new double[count][];
        double[][] aIm = new double[count][];
        for (int i = 0; i < count; i++) {
            aRe[i] = random.doubles(m, -64, 64).toArray();
            aIm[i] = random.doubles(m, -64, 64).toArray();
        }
        double[] bRe = random.doubles(m + count * stride, -0x1p63, 0x1p63).toArray();
        double[] bIm = random.doubles(m + count * stride, -0x1p63, 0x1p63).toArray();
        double[] expectedRe = new double[m];
        double[] expectedIm = new double[m];
        for (int i = 0; i < count; i++) {
            FftKernels.scalar().multiplyAccumulate(expectedRe, expectedIm, 0, aRe[i], aIm[i], 0, bRe, bIm,
                    m + i * stride, m);
        }
        for (FftKernel kernel : FftKernels.all()) {
            double[] accRe = random.doubles(m).toArray(); // garbage: the sum overwrites it
            double[] accIm = random.doubles(m).toArray();
            kernel.multiplyAccumulateSum(aRe, aIm, count, bRe, bIm, m, stride, accRe, accIm, m);
            assertClose(expectedRe, accRe, kernel.name() + " re");
            assertClose(expectedIm, accIm, kernel.name() + " im");
        }
    }

    /**
     * The fused columns of an external product (sums of products, inverse FFT, untwist, rounding, addition) against
     * the exact schoolbook sums Σ_i digits_i·torus_(i, c), for every kernel, with the GGSW layout [i][column]: stated
     * bound 2^(β + log2 N + 14 + log2 count), the bound of {@link NegacyclicFftTest} for one product, widened for the
     * sum of count (β = 7: a torus error below 2^-30).
     */
    @ParameterizedTest(name = "N={0}, {1} products, {2} columns")
    @CsvSource({"2, 6, 2", "16, 6, 2", "32, 6, 2", "64, 6, 2", "128, 6, 2", "1024, 6, 2", "2048, 6, 2", "4096, 6, 2",
            "1024, 2, 2", "1024, 9, 3", "512, 1, 2"})
    void fusedBackwardColumnsMatchTheExactSumsOfProducts(int n, int count, int columns) {
        int m = n / 2;
        SplittableRandom random = new SplittableRandom(n * 7L + count);
        long[][] digits = new long[count][];
        long[][] torus = new long[count * columns][];
        long[] initial = random.longs(columns * n).toArray();
        long[] expected = initial.clone();
        long[] product = new long[n];
        for (int i = 0; i < count; i++) {
            digits[i] = random.longs(n, -64, 65).toArray();
            for (int c = 0; c < columns; c++) {
                torus[i * columns + c] = random.longs(n).toArray();
                Polynomials.negacyclicMultiply(digits[i], torus[i * columns + c], product);
                for (int j = 0; j < n; j++) {
                    expected[c * n + j] += product[j];
                }
            }
        }
        long bound = 1L << (7 + Integer.numberOfTrailingZeros(n) + 14 + 3);
        for (FftKernel kernel : FftKernels.all()) {
            NegacyclicFft fft = new NegacyclicFft(new PolynomialSize(n), kernel);
            double[][] aRe = new double[count][m];
            double[][] aIm = new double[count][m];
            double[] bRe = new double[m + count * columns * m];
            double[] bIm = new double[m + count * columns * m];
            double[][] workRe = new double[columns][m];
            double[][] workIm = new double[columns][m];
            for (int i = 0; i < count; i++) {
                fft.forward(digits[i], 0, aRe[i], aIm[i]);
                for (int c = 0; c < columns; c++) {
                    fft.forward(torus[i * columns + c], 0, workRe[0], workIm[0]);
                    System.arraycopy(workRe[0], 0, bRe, m + (i * columns + c) * m, m);
                    System.arraycopy(workIm[0], 0, bIm, m + (i * columns + c) * m, m);
                }
            }
            long[] actual = new long[columns * n + 3];
            System.arraycopy(initial, 0, actual, 3, columns * n);
            fft.multiplyAccumulateBackwardAdd(aRe, aIm, count, columns, bRe, bIm, m, workRe, workIm, actual, 3);
            for (int j = 0; j < columns * n; j++) {
                long error = Math.abs(actual[3 + j] - expected[j]);
                assertTrue(error <= bound, kernel.name() + " N=" + n + ", coefficient " + j + ": error " + error);
            }
        }
    }

    /** The decomposition fused into the first butterfly pass against the scalar decomposition then FFT. */
    @ParameterizedTest(name = "base log {0}, {1} levels, N={2}")
    @CsvSource({"7, 3, 1024", "23, 1, 1024", "7, 3, 256", "10, 2, 4096", "7, 3, 2048", "16, 4, 64", "32, 2, 512",
            "51, 1, 1024", "52, 1, 1024"})
    void fusedDecomposeForwardMatchesTheScalarKernel(int baseLog, int levels, int n) {
        SignedDecomposer decomposer = new SignedDecomposer(new DecompositionBaseLog(baseLog),
                new DecompositionLevelCount(levels));
        int m = n / 2;
        long[] poly = new SplittableRandom(n + levels).longs(n + 3).toArray();
        NegacyclicFft reference = new NegacyclicFft(new PolynomialSize(n), FftKernels.scalar());
        double[][] expectedRe = new double[2 * levels][m];
        double[][] expectedIm = new double[2 * levels][m];
        reference.decomposeForward(poly, 3, decomposer, expectedRe, expectedIm, 1, 2);
        for (FftKernel kernel : FftKernels.all()) {
            double[][] re = new double[2 * levels][m];
            double[][] im = new double[2 * levels][m];
            new NegacyclicFft(new PolynomialSize(n), kernel).decomposeForward(poly, 3, decomposer, re, im, 1, 2);
            for (int level = 0; level < levels; level++) {
                assertClose(expectedRe[1 + 2 * level], re[1 + 2 * level], kernel.name() + " level " + level);
                assertClose(expectedIm[1 + 2 * level], im[1 + 2 * level], kernel.name() + " level " + level);
            }
        }
    }

    private static void assertClose(double[] expected, double[] actual, String message) {
        assertEquals(expected.length, actual.length, message);
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        double bound = scale * RELATIVE_BOUND;
        for (int j = 0; j < expected.length; j++) {
            double error = Math.abs(expected[j] - actual[j]);
            if (!(error <= bound)) {
                throw new AssertionError(message + ": index " + j + " differs by " + error + " > " + bound
                        + " (expected " + expected[j] + ", got " + actual[j] + ")");
            }
        }
    }

    private static double[][] run(FftKernel kernel, FftPlan plan, long[] poly, double[] twistRe, double[] twistIm,
            double[] bRe, double[] bIm) {
        int m = plan.size();
        double[] re = new double[m];
        double[] im = new double[m];
        kernel.foldTwist(poly, 0, twistRe, twistIm, re, im, m);
        double[] foldedRe = re.clone();
        double[] foldedIm = im.clone();
        kernel.forward(plan, re, im);
        double[] forwardRe = re.clone();
        double[] forwardIm = im.clone();
        double[] accRe = new double[m];
        double[] accIm = new double[m];
        kernel.multiplyAccumulate(accRe, accIm, 0, re, im, 0, bRe, bIm, 3, m);
        kernel.multiplyAccumulate(accRe, accIm, 0, re, im, 0, bRe, bIm, 1, m);
        double[] macRe = accRe.clone();
        double[] macIm = accIm.clone();
        kernel.inverse(plan, accRe, accIm);
        return new double[][] {foldedRe, foldedIm, forwardRe, forwardIm, macRe, macIm, accRe, accIm};
    }
}

package org.fheml.tfhe.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.fheml.tfhe.math.Polynomials;
import org.fheml.tfhe.params.PolynomialSize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The FFT negacyclic product of an integer polynomial (digits in [−B/2, B/2]) by a torus polynomial against the exact
 * schoolbook product. Stated bound: every coefficient is within 2^(β + log2 N + 14) of the exact product mod 2^64,
 * i.e. a torus error below 2^-(50 − β − log2 N) (2^-18 for β = 22, N = 1024), far below any decryption threshold.
 */
class NegacyclicFftTest {

    private static final int BASE_LOG = 22;

    static long errorBound(int n) {
        return 1L << (BASE_LOG + Integer.numberOfTrailingZeros(n) + 14);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 16, 256, 512, 1024, 2048, 4096})
    void productMatchesSchoolbookWithinBound(int n) {
        for (FftKernel kernel : FftKernels.all()) {
            SplittableRandom random = new SplittableRandom(n);
            long[] digits = randomDigits(random, n);
            long[] torus = randomTorus(random, n);
            long[] expected = new long[n];
            Polynomials.negacyclicMultiply(digits, torus, expected);
            long[] actual = fftProduct(new NegacyclicFft(new PolynomialSize(n), kernel), digits, torus);
            long maxError = 0;
            for (int j = 0; j < n; j++) {
                maxError = Math.max(maxError, Math.abs(actual[j] - expected[j]));
            }
            assertTrue(maxError <= errorBound(n), kernel.name() + " N=" + n + ": max error 2^"
                    + (63 - Long.numberOfLeadingZeros(maxError)) + " above the bound");
        }
    }

    /** For the large sizes the schoolbook product is too slow in full: check a sample of coefficients. */
    @ParameterizedTest
    @ValueSource(ints = {8192, 16384, 32768, 65536})
    void largeProductsMatchSampledSchoolbookCoefficients(int n) {
        SplittableRandom random = new SplittableRandom(n);
        long[] digits = randomDigits(random, n);
        long[] torus = randomTorus(random, n);
        long[] actual = fftProduct(NegacyclicFft.of(new PolynomialSize(n)), digits, torus);
        for (int sample = 0; sample < 24; sample++) {
            int index = sample < 2 ? sample * (n - 1) : random.nextInt(n);
            long exact = 0;
            for (int i = 0; i < n; i++) {
                int j = index - i;
                exact += j >= 0 ? digits[i] * torus[j] : -digits[i] * torus[j + n];
            }
            assertTrue(Math.abs(actual[index] - exact) <= errorBound(n), "N=" + n + ", coefficient " + index);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 8, 256, 65536})
    void smallIntegerPolynomialsRoundTripExactly(int n) {
        NegacyclicFft fft = NegacyclicFft.of(new PolynomialSize(n));
        SplittableRandom random = new SplittableRandom(1);
        long[] poly = random.longs(n, -1_000_000, 1_000_000).toArray();
        double[] re = new double[n / 2];
        double[] im = new double[n / 2];
        fft.forward(poly, 0, re, im);
        long[] back = new long[n];
        fft.backward(re, im, back, 0);
        assertArrayEquals(poly, back);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 1024})
    void multiplyingByXGivesTheNegacyclicShift(int n) {
        NegacyclicFft fft = NegacyclicFft.of(new PolynomialSize(n));
        long[] x = new long[n];
        x[1] = 1;
        long[] poly = new SplittableRandom(3).longs(n, -1000, 1000).toArray();
        long[] product = fftProduct(fft, x, poly);
        assertTrue(product[0] == -poly[n - 1], "X·a must wrap a_{N−1} to −a_{N−1}");
        for (int j = 1; j < n; j++) {
            assertTrue(product[j] == poly[j - 1]);
        }
    }

    static long[] fftProduct(NegacyclicFft fft, long[] integer, long[] torus) {
        int m = fft.fourierSize();
        double[] aRe = new double[m];
        double[] aIm = new double[m];
        double[] bRe = new double[m];
        double[] bIm = new double[m];
        double[] accRe = new double[m];
        double[] accIm = new double[m];
        fft.forward(integer, 0, aRe, aIm);
        fft.forward(torus, 0, bRe, bIm);
        fft.multiplyAccumulate(accRe, accIm, 0, aRe, aIm, 0, bRe, bIm, 0);
        long[] out = new long[integer.length];
        fft.backward(accRe, accIm, out, 0);
        return out;
    }

    static long[] randomDigits(SplittableRandom random, int n) {
        long half = 1L << (BASE_LOG - 1);
        return random.longs(n, -half, half + 1).toArray();
    }

    static long[] randomTorus(SplittableRandom random, int n) {
        return random.longs(n).toArray();
    }
}

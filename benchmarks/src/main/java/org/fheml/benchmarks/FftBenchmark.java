package org.fheml.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fheml.tfhe.fft.FftKernel;
import org.fheml.tfhe.fft.FftKernels;
import org.fheml.tfhe.fft.NegacyclicFft;
import org.fheml.tfhe.math.SignedDecomposer;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.params.PolynomialSize;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Fourier stages of one external product, single-threaded: a forward negacyclic FFT of N coefficients (a complex
 * FFT of size N/2 with fold and twist), one complex multiply-accumulate of N/2 values, and a backward FFT with
 * untwist, rounding to the torus and addition. Then the fused stages of the external product on TFHE_LIB_GATE
 * sizes (k = 1, base 2^7, 3 levels): {@code decomposeForward} decomposes one torus polynomial and transforms its 3
 * digit polynomials; {@code multiplyAccumulateSum} sums the 6 = l·(k + 1) products of one output column;
 * {@code externalProduct} is the whole Fourier part of one external product (2 rows decomposed and transformed, 2
 * columns summed, transformed back and rounded). Each runs with every kernel: the scalar reference and the vector
 * kernel at 128, 256 and 512 bits (JMH forks a JVM per kernel, so each is compiled alone; a width above the JVM's
 * widest, such as 512 under -XX:UseAVX=2, fails its setup and is skipped).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FftBenchmark {

    @Param({"1024"})
    public int polynomialSize;

    @Param({"scalar", "vector-128", "vector-256", "vector-512"})
    public String kernel;

    private NegacyclicFft fft;
    private long[] digits;
    private long[] out;
    private double[] re;
    private double[] im;
    private double[] savedRe;
    private double[] savedIm;
    private double[] bRe;
    private double[] bIm;
    private double[] accRe;
    private double[] accIm;
    private long[] torus;
    private SignedDecomposer decomposer;
    private double[][] digitsRe;
    private double[][] digitsIm;
    private double[] ggswRe;
    private double[] ggswIm;
    private long[] glwe;
    private double[][] workRe;
    private double[][] workIm;
    private long[] glweOut;

    @Setup
    public void setUp() {
        fft = new NegacyclicFft(new PolynomialSize(polynomialSize), kernel(kernel));
        int m = polynomialSize / 2;
        SplittableRandom random = new SplittableRandom(7);
        digits = random.longs(polynomialSize, -64, 64).toArray();
        out = new long[polynomialSize];
        re = new double[m];
        im = new double[m];
        bRe = random.doubles(m, -0x1p63, 0x1p63).toArray();
        bIm = random.doubles(m, -0x1p63, 0x1p63).toArray();
        accRe = new double[m];
        accIm = new double[m];
        torus = random.longs(polynomialSize).toArray();
        decomposer = new SignedDecomposer(new DecompositionBaseLog(7), new DecompositionLevelCount(3));
        digitsRe = new double[6][m];
        digitsIm = new double[6][m];
        ggswRe = random.doubles(12 * m, -0x1p63, 0x1p63).toArray();
        ggswIm = random.doubles(12 * m, -0x1p63, 0x1p63).toArray();
        for (int row = 0; row < 2; row++) {
            fft.decomposeForward(torus, 0, decomposer, digitsRe, digitsIm, row, 2);
        }
        glwe = random.longs(2 * polynomialSize).toArray();
        glweOut = new long[2 * polynomialSize];
        workRe = new double[2][m];
        workIm = new double[2][m];
        fft.forward(digits, 0, re, im);
        savedRe = new double[m];
        savedIm = new double[m];
        for (int j = 0; j < m; j++) {
            savedRe[j] = re[j] * bRe[j] - im[j] * bIm[j];
            savedIm[j] = re[j] * bIm[j] + im[j] * bRe[j];
        }
    }

    /** The kernel of that name, alone in this JVM, or an exception (JMH then skips the run). */
    static FftKernel kernel(String name) {
        return FftKernels.named(name);
    }

    @Benchmark
    public double forward() {
        fft.forward(digits, 0, re, im);
        return re[1];
    }

    @Benchmark
    public double multiplyAccumulate() {
        fft.multiplyAccumulate(accRe, accIm, 0, re, im, 0, bRe, bIm, 0);
        return accRe[1];
    }

    @Benchmark
    public long backwardAdd() {
        System.arraycopy(savedRe, 0, accRe, 0, savedRe.length);
        System.arraycopy(savedIm, 0, accIm, 0, savedIm.length);
        fft.backwardAdd(accRe, accIm, out, 0);
        return out[1];
    }

    @Benchmark
    public double decomposeForward() {
        fft.decomposeForward(torus, 0, decomposer, digitsRe, digitsIm, 0, 2);
        return digitsRe[0][1];
    }

    @Benchmark
    public double multiplyAccumulateSum() {
        fft.multiplyAccumulateSum(digitsRe, digitsIm, 6, ggswRe, ggswIm, 0, 2 * re.length, accRe, accIm);
        return accRe[1];
    }

    @Benchmark
    public long externalProduct() {
        fft.decomposeForward(glwe, 0, decomposer, digitsRe, digitsIm, 0, 2);
        fft.decomposeForward(glwe, polynomialSize, decomposer, digitsRe, digitsIm, 1, 2);
        fft.multiplyAccumulateBackwardAdd(digitsRe, digitsIm, 6, 2, ggswRe, ggswIm, 0, workRe, workIm, glweOut, 0);
        return glweOut[1];
    }
}

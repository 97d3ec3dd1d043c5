package org.fheml.tfhe.fft;

import java.util.concurrent.ConcurrentHashMap;
import org.fheml.tfhe.math.SignedDecomposer;
import org.fheml.tfhe.params.PolynomialSize;

/**
 * The negacyclic FFT of Z[X]/(X^N + 1) through a complex FFT of size N/2 with twisting (tfhe-engine.md §8.1): a
 * polynomial is folded into z_j = (a_j + i·a_{j+N/2})·e^(iπj/N) and transformed; products of polynomials become
 * pointwise products. The Fourier values come out in the kernel's permuted (bit-reversed) order, which the inverse
 * accepts, so no reordering pass is ever made. Integer and signed-torus inputs are converted as signed integers, and
 * {@link #backwardAdd} reduces the result mod 2^64, so an integer×torus product is exact up to the f64 rounding
 * error. Immutable and shareable; the callers provide the scratch arrays (length N/2).
 */
public final class NegacyclicFft {

    private static final ConcurrentHashMap<Integer, NegacyclicFft> CACHE = new ConcurrentHashMap<>();

    private final PolynomialSize polynomialSize;
    private final FftKernel kernel;
    private final FftPlan plan;
    private final double[] twistRe;
    private final double[] twistIm;
    private final double inverseScale;

    public NegacyclicFft(PolynomialSize polynomialSize, FftKernel kernel) {
        this.polynomialSize = polynomialSize;
        this.kernel = kernel;
        int m = polynomialSize.fourierSize();
        this.plan = new FftPlan(m);
        this.twistRe = new double[m];
        this.twistIm = new double[m];
        for (int j = 0; j < m; j++) {
            double angle = Math.PI * j / polynomialSize.value();
            twistRe[j] = Math.cos(angle);
            twistIm[j] = Math.sin(angle);
        }
        this.inverseScale = 1.0 / m;
    }

    /** The shared transform of size N with the start-up kernel ({@link FftKernels#preferred()}). */
    public static NegacyclicFft of(PolynomialSize polynomialSize) {
        return CACHE.computeIfAbsent(polynomialSize.value(),
                n -> new NegacyclicFft(polynomialSize, FftKernels.preferred()));
    }

    public PolynomialSize polynomialSize() {
        return polynomialSize;
    }

    public FftKernel kernel() {
        return kernel;
    }

    /** N/2: the length of the real and imaginary arrays of one Fourier polynomial. */
    public int fourierSize() {
        return plan.size();
    }

    /** Transforms the N coefficients at {@code src[offset]} (read as signed integers) into {@code re}, {@code im}. */
    public void forward(long[] src, int offset, double[] re, double[] im) {
        kernel.foldTwist(src, offset, twistRe, twistIm, re, im, plan.size());
        kernel.forward(plan, re, im);
    }

    /**
     * Adds the polynomial whose Fourier values are {@code re}, {@code im} to the N coefficients at
     * {@code dst[offset]}, rounding mod 2^64. Destroys {@code re} and {@code im}.
     */
    public void backwardAdd(double[] re, double[] im, long[] dst, int offset) {
        kernel.inverse(plan, re, im);
        kernel.untwistAdd(re, im, twistRe, twistIm, inverseScale, dst, offset, plan.size());
    }

    /** Like {@link #backwardAdd} but overwrites {@code dst}. */
    public void backward(double[] re, double[] im, long[] dst, int offset) {
        java.util.Arrays.fill(dst, offset, offset + polynomialSize.value(), 0);
        backwardAdd(re, im, dst, offset);
    }

    /** acc += a·b pointwise over one Fourier polynomial, with offsets into each array. */
    public void multiplyAccumulate(double[] accRe, double[] accIm, int accOffset, double[] aRe, double[] aIm,
            int aOffset, double[] bRe, double[] bIm, int bOffset) {
        kernel.multiplyAccumulate(accRe, accIm, accOffset, aRe, aIm, aOffset, bRe, bIm, bOffset, plan.size());
    }

    /**
     * Decomposes the N torus coefficients at {@code src[offset]} with {@code decomposer} and transforms the digit
     * polynomial of each level j into {@code re[first + j·stride]}, {@code im[first + j·stride]} (arrays of N/2):
     * the decomposition, the integer-to-double conversion and the twist in one pass, then one FFT per level.
     */
    public void decomposeForward(long[] src, int offset, SignedDecomposer decomposer, double[][] re, double[][] im,
            int first, int stride) {
        kernel.decomposeForward(plan, src, offset, decomposer, twistRe, twistIm, re, im, first, stride);
    }

    /**
     * acc = Σ_{i<count} a[i]·b[bOffset + i·bStride] pointwise over Fourier polynomials; overwrites acc, so no zero
     * fill is needed.
     */
    public void multiplyAccumulateSum(double[][] aRe, double[][] aIm, int count, double[] bRe, double[] bIm,
            int bOffset, int bStride, double[] accRe, double[] accIm) {
        kernel.multiplyAccumulateSum(aRe, aIm, count, bRe, bIm, bOffset, bStride, accRe, accIm, plan.size());
    }

    /**
     * Every output column of an external product: adds to the N coefficients at {@code dst[offset + c·N]} the
     * polynomial whose Fourier values are Σ_{i<count} a[i]·b[bOffset + (i·columns + c)·N/2], rounded mod 2^64, for
     * c < columns; the b polynomials are read in memory order. The work arrays (columns × N/2 values) are
     * overwritten.
     */
    public void multiplyAccumulateBackwardAdd(double[][] aRe, double[][] aIm, int count, int columns, double[] bRe,
            double[] bIm, int bOffset, double[][] workRe, double[][] workIm, long[] dst, int offset) {
        kernel.multiplyAccumulateBackwardAdd(plan, aRe, aIm, count, columns, bRe, bIm, bOffset, workRe, workIm,
                twistRe, twistIm, inverseScale, dst, offset);
    }

    /**
     * {@link #multiplyAccumulateBackwardAdd} for the columns in [fromColumn, toColumn) only, bit-identical to those
     * columns of the full call: threads sharing one external product each take a range.
     */
    public void multiplyAccumulateBackwardAdd(double[][] aRe, double[][] aIm, int count, int columns, double[] bRe,
            double[] bIm, int bOffset, double[][] workRe, double[][] workIm, long[] dst, int offset, int fromColumn,
            int toColumn) {
        kernel.multiplyAccumulateBackwardAdd(plan, aRe, aIm, count, columns, bRe, bIm, bOffset, workRe, workIm,
                twistRe, twistIm, inverseScale, dst, offset, fromColumn, toColumn);
    }

    /** Folds and twists the N coefficients at {@code src[offset]} into {@code re}, {@code im}, without the FFT. */
    public void foldTwist(long[] src, int offset, double[] re, double[] im) {
        kernel.foldTwist(src, offset, twistRe, twistIm, re, im, plan.size());
    }
}

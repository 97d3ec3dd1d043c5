package org.fheml.tfhe.fft;

import org.fheml.tfhe.math.SignedDecomposer;

/**
 * The hot numeric loops of the negacyclic FFT and of the external product, behind one interface so that a SIMD
 * implementation can replace the scalar reference. Complex vectors are split into real and imaginary arrays.
 * Implementations assume valid sizes (callers check) and allocate nothing.
 */
public interface FftKernel {

    /** A short name for logs and benchmarks. */
    String name();

    /**
     * Folds and twists a polynomial of 2M integer (or signed torus) coefficients into M complex values:
     * (src[j] + i·src[j + M])·(twistRe[j] + i·twistIm[j]).
     */
    void foldTwist(long[] src, int srcOffset, double[] twistRe, double[] twistIm, double[] re, double[] im, int m);

    /** In-place forward FFT of size {@code plan.size()}: natural order in, bit-reversed order out. */
    void forward(FftPlan plan, double[] re, double[] im);

    /** In-place inverse FFT without the 1/M factor: bit-reversed order in, natural order out. */
    void inverse(FftPlan plan, double[] re, double[] im);

    /**
     * Untwists M complex values (times conj(twist)·scale), rounds them to integers and adds them mod 2^64 to the
     * 2M coefficients at {@code dst[dstOffset]}: real parts to j, imaginary parts to j + M.
     */
    void untwistAdd(double[] re, double[] im, double[] twistRe, double[] twistIm, double scale, long[] dst,
            int dstOffset, int m);

    /** acc[accOffset + j] += a[aOffset + j]·b[bOffset + j] for j < m, complex. */
    void multiplyAccumulate(double[] accRe, double[] accIm, int accOffset, double[] aRe, double[] aIm, int aOffset,
            double[] bRe, double[] bIm, int bOffset, int m);

    /**
     * Decomposes each of the 2M torus coefficients at {@code src[srcOffset]} into the decomposer's l signed digits
     * and folds and twists the digit polynomial of level j (0 = most significant) into {@code re[first + j·stride]},
     * {@code im[first + j·stride]} (M values each): the decomposition fused with the integer-to-double conversion.
     */
    void decomposeFoldTwist(long[] src, int srcOffset, SignedDecomposer decomposer, double[] twistRe,
            double[] twistIm, double[][] re, double[][] im, int first, int stride, int m);

    /**
     * acc[j] = Σ_{i<count} a[i][j]·b[bOffset + i·bStride + j] for j < m, complex; overwrites acc (the first write
     * initialises it, no zero fill needed).
     */
    void multiplyAccumulateSum(double[][] aRe, double[][] aIm, int count, double[] bRe, double[] bIm, int bOffset,
            int bStride, double[] accRe, double[] accIm, int m);

    /**
     * Every output column of an external product: for each column c < {@code columns}, adds to the 2M coefficients at
     * {@code dst[dstOffset + c·2M]} the rounded backward transform (inverse FFT, then {@link #untwistAdd}) of
     * Σ_{i<count} a[i]·b[bOffset + (i·columns + c)·M]. The b polynomials are read in their memory order (i, then c):
     * one sequential stream through the GGSW. The work arrays ({@code columns} of M values each) are overwritten.
     */
    default void multiplyAccumulateBackwardAdd(FftPlan plan, double[][] aRe, double[][] aIm, int count, int columns,
            double[] bRe, double[] bIm, int bOffset, double[][] workRe, double[][] workIm, double[] twistRe,
            double[] twistIm, double scale, long[] dst, int dstOffset) {
        multiplyAccumulateBackwardAdd(plan, aRe, aIm, count, columns, bRe, bIm, bOffset, workRe, workIm, twistRe,
                twistIm, scale, dst, dstOffset, 0, columns);
    }

    /**
     * {@link #multiplyAccumulateBackwardAdd} for the output columns c in [fromColumn, toColumn) only, each computed
     * with exactly the arithmetic of the call for all columns (bit-identical), so that threads can share the columns
     * of one external product. Only the work arrays and dst coefficients of those columns are touched.
     */
    void multiplyAccumulateBackwardAdd(FftPlan plan, double[][] aRe, double[][] aIm, int count, int columns,
            double[] bRe, double[] bIm, int bOffset, double[][] workRe, double[][] workIm, double[] twistRe,
            double[] twistIm, double scale, long[] dst, int dstOffset, int fromColumn, int toColumn);

    /**
     * {@link #decomposeFoldTwist} followed by the forward FFT of each level's polynomial (in place in
     * {@code re[first + j·stride]}, {@code im[first + j·stride]}); a kernel may fuse the decomposition into the first
     * butterfly pass.
     */
    default void decomposeForward(FftPlan plan, long[] src, int srcOffset, SignedDecomposer decomposer,
            double[] twistRe, double[] twistIm, double[][] re, double[][] im, int first, int stride) {
        decomposeFoldTwist(src, srcOffset, decomposer, twistRe, twistIm, re, im, first, stride, plan.size());
        for (int level = 0, index = first; level < decomposer.levels(); level++, index += stride) {
            forward(plan, re[index], im[index]);
        }
    }
}

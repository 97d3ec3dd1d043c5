package org.fheml.tfhe.fft;

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
}

package org.fheml.tfhe.optimizer;

/**
 * Concrete's operation-count cost model (concrete-optimizer computing_cost), used to compare parameter sets:
 * FFT work for the external products of a bootstrap, multiply-adds for a keyswitch, and a levelled term for the
 * dot products that feed the bootstrap. Costs are raw operation counts; Concrete's tables print them / 2^20.
 */
public final class CostModel {

    /** The number of additions the levelled term assumes per bootstrap input (Concrete's v0 default). */
    public static final int DEFAULT_SUM_SIZE = 4096;

    private CostModel() {
    }

    /** One CMUX: (k+1)·l forward FFTs, k+1 inverse FFTs and (k+1)²·l pointwise multiply-adds of size N. */
    public static double cmux(int glweDimension, int polynomialSize, int levels) {
        double k1 = glweDimension + 1.0;
        double n = polynomialSize;
        double fft = n * (Math.log(n) / Math.log(2)) + n;
        return k1 * levels * fft + k1 * fft + k1 * k1 * levels * n;
    }

    /** A programmable bootstrap: one CMUX per coefficient of the small LWE key. */
    public static double bootstrap(int lweDimension, int glweDimension, int polynomialSize, int levels) {
        return lweDimension * cmux(glweDimension, polynomialSize, levels);
    }

    /** An LWE keyswitch from {@code inputDimension} to {@code outputDimension}. */
    public static double keyswitch(int inputDimension, int outputDimension, int levels) {
        double decompositions = (double) inputDimension * levels;
        double outputSize = outputDimension + 1.0;
        return decompositions + decompositions * outputSize + (decompositions - 1) * outputSize + 1;
    }

    /** The dot products feeding one bootstrap: {@code sumSize} additions of ciphertexts of this dimension. */
    public static double levelled(int dimension, int sumSize) {
        return (double) sumSize * dimension;
    }

    /** A whole KS → PBS atomic pattern, including its levelled term. */
    public static double atomicPattern(int lweDimension, int glweDimension, int polynomialSize, int pbsLevels,
            int ksLevels, int sumSize) {
        int bigDimension = glweDimension * polynomialSize;
        return bootstrap(lweDimension, glweDimension, polynomialSize, pbsLevels)
                + keyswitch(bigDimension, lweDimension, ksLevels)
                + levelled(bigDimension, sumSize);
    }
}

package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.entities.FourierGgswCiphertext;
import org.fheml.tfhe.fft.NegacyclicFft;
import org.fheml.tfhe.math.SignedDecomposer;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.params.GlweDimension;
import org.fheml.tfhe.params.PolynomialSize;

/**
 * The working memory of one external product (the Fourier digit polynomials of all l·(k + 1) rows and levels, the
 * (k + 1) Fourier accumulators), with the FFT and decomposer it uses. One per thread; reused across calls.
 */
public final class ExternalProductScratch {

    final NegacyclicFft fft;
    final SignedDecomposer decomposer;
    /** The Fourier digit polynomials, index level·(k + 1) + row, each N/2 values. */
    final double[][] fourierRe;
    final double[][] fourierIm;
    final double[][] accumulatorRe;
    final double[][] accumulatorIm;
    private final int glweDimension;
    private final int polynomialSize;
    private final int levels;

    public ExternalProductScratch(GlweDimension glweDimension, PolynomialSize polynomialSize,
            DecompositionBaseLog baseLog, DecompositionLevelCount levels) {
        this.fft = NegacyclicFft.of(polynomialSize);
        this.decomposer = new SignedDecomposer(baseLog, levels);
        int n = polynomialSize.value();
        int m = polynomialSize.fourierSize();
        this.fourierRe = new double[levels.value() * glweDimension.glweSize()][m];
        this.fourierIm = new double[levels.value() * glweDimension.glweSize()][m];
        this.accumulatorRe = new double[glweDimension.glweSize()][m];
        this.accumulatorIm = new double[glweDimension.glweSize()][m];
        this.glweDimension = glweDimension.value();
        this.polynomialSize = n;
        this.levels = levels.value();
    }

    /** Scratch fitting products with {@code ggsw}. */
    public static ExternalProductScratch forGgsw(FourierGgswCiphertext ggsw) {
        return new ExternalProductScratch(ggsw.glweDimension(), ggsw.polynomialSize(), ggsw.baseLog(), ggsw.levels());
    }

    /** The bytes this scratch holds, for sizing thread pools. */
    public static long sizeInBytes(GlweDimension glweDimension, PolynomialSize polynomialSize,
            DecompositionLevelCount levels) {
        long n = polynomialSize.value();
        return n * Double.BYTES * ((long) levels.value() * glweDimension.glweSize() + glweDimension.glweSize());
    }

    boolean fits(FourierGgswCiphertext ggsw) {
        return ggsw.glweDimension().value() == glweDimension && ggsw.polynomialSize().value() == polynomialSize
                && ggsw.levels().value() == levels && ggsw.baseLog().value() == decomposer.baseLog();
    }
}

package org.fheml.tfhe.entities;

import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.params.GlweDimension;
import org.fheml.tfhe.params.PolynomialSize;

/**
 * A GGSW ciphertext in the Fourier domain: each of its l·(k + 1)·(k + 1) polynomials as N/2 complex values (the
 * twisted negacyclic FFT of {@code NegacyclicFft}, in that transform's permuted order). Real and imaginary parts are
 * in two arrays with layout [level][row][column][N/2].
 */
public final class FourierGgswCiphertext {

    private final GlweDimension glweDimension;
    private final PolynomialSize polynomialSize;
    private final DecompositionBaseLog baseLog;
    private final DecompositionLevelCount levels;
    private final double[] re;
    private final double[] im;

    public FourierGgswCiphertext(GlweDimension glweDimension, PolynomialSize polynomialSize,
            DecompositionBaseLog baseLog, DecompositionLevelCount levels) {
        this.glweDimension = glweDimension;
        this.polynomialSize = polynomialSize;
        this.baseLog = baseLog;
        this.levels = levels;
        int glweSize = glweDimension.glweSize();
        int length = Math.multiplyExact(levels.value() * glweSize * glweSize, polynomialSize.fourierSize());
        this.re = new double[length];
        this.im = new double[length];
    }

    public GlweDimension glweDimension() {
        return glweDimension;
    }

    public PolynomialSize polynomialSize() {
        return polynomialSize;
    }

    public DecompositionBaseLog baseLog() {
        return baseLog;
    }

    public DecompositionLevelCount levels() {
        return levels;
    }

    public double[] re() {
        return re;
    }

    public double[] im() {
        return im;
    }

    /** The offset of polynomial (level, row, column) in {@link #re()} and {@link #im()}. */
    public int polynomialOffset(int level, int row, int column) {
        int glweSize = glweDimension.glweSize();
        return ((level * glweSize + row) * glweSize + column) * polynomialSize.fourierSize();
    }
}

package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.entities.FourierGgswCiphertext;
import org.fheml.tfhe.entities.GlweCiphertext;
import org.fheml.tfhe.fft.NegacyclicFft;

/**
 * The external product GGSW ⊡ GLWE (tfhe-engine.md §8.4): each GLWE polynomial is decomposed; every digit polynomial
 * is transformed once (decomposition, conversion and twist fused in one pass); each of the (k + 1) Fourier
 * accumulators is the sum over all levels and rows of digit × GGSW polynomial, built with the GGSW read once in
 * memory order (no zero fill), and comes back with one inverse transform.
 */
public final class ExternalProduct {

    private ExternalProduct() {
    }

    /** out += ggsw ⊡ in. {@code in} and {@code out} must be different ciphertexts. */
    public static void addExternalProduct(GlweCiphertext out, FourierGgswCiphertext ggsw, GlweCiphertext in,
            ExternalProductScratch scratch) {
        check(out, ggsw, in, scratch);
        addExternalProductUnchecked(out.data(), ggsw, in.data(), scratch);
    }

    /** The kernel of {@link #addExternalProduct}, on raw (k + 1)·N arrays, with sizes assumed valid. */
    static void addExternalProductUnchecked(long[] out, FourierGgswCiphertext ggsw, long[] in,
            ExternalProductScratch scratch) {
        NegacyclicFft fft = scratch.fft;
        int glweSize = ggsw.glweDimension().glweSize();
        int n = ggsw.polynomialSize().value();
        int m = n / 2;
        int levels = ggsw.levels().value();
        double[][] fourierRe = scratch.fourierRe;
        double[][] fourierIm = scratch.fourierIm;
        // Fourier digit polynomial (level, row) at index i = level·(k + 1) + row, so that its GGSW polynomial for
        // column c sits at (i·(k + 1) + c)·N/2
        for (int row = 0; row < glweSize; row++) {
            fft.decomposeForward(in, row * n, scratch.decomposer, fourierRe, fourierIm, row, glweSize);
        }
        double[] ggswRe = ggsw.re();
        double[] ggswIm = ggsw.im();
        int count = levels * glweSize;
        fft.multiplyAccumulateBackwardAdd(fourierRe, fourierIm, count, glweSize, ggswRe, ggswIm, 0,
                scratch.accumulatorRe, scratch.accumulatorIm, out, 0);
        assert m == fourierRe[0].length;
    }

    private static void check(GlweCiphertext out, FourierGgswCiphertext ggsw, GlweCiphertext in,
            ExternalProductScratch scratch) {
        DimensionMismatchException.check("GlweDimension", "GGSW", ggsw.glweDimension().value(), "input GLWE",
                in.glweDimension().value());
        DimensionMismatchException.check("GlweDimension", "GGSW", ggsw.glweDimension().value(), "output GLWE",
                out.glweDimension().value());
        DimensionMismatchException.check("PolynomialSize", "GGSW", ggsw.polynomialSize().value(), "input GLWE",
                in.polynomialSize().value());
        DimensionMismatchException.check("PolynomialSize", "GGSW", ggsw.polynomialSize().value(), "output GLWE",
                out.polynomialSize().value());
        if (in == out) {
            throw new IllegalArgumentException("The external product cannot write into its own input: pass a copy");
        }
        if (!scratch.fits(ggsw)) {
            throw new IllegalArgumentException("The scratch was made for other sizes than this GGSW: use "
                    + "ExternalProductScratch.forGgsw(ggsw)");
        }
    }
}

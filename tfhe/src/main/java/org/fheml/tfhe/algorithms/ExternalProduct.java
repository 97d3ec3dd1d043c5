package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.entities.FourierGgswCiphertext;
import org.fheml.tfhe.entities.GlweCiphertext;
import org.fheml.tfhe.fft.NegacyclicFft;

/**
 * The external product GGSW ⊡ GLWE (tfhe-engine.md §8.4): each GLWE polynomial is decomposed; every digit polynomial
 * is transformed once and multiplied into the (k + 1) Fourier accumulators with the matching GGSW row; the
 * accumulators cross all levels and rows in the Fourier domain and come back with k + 1 inverse transforms.
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
        double[][] accRe = scratch.accumulatorRe;
        double[][] accIm = scratch.accumulatorIm;
        for (int c = 0; c < glweSize; c++) {
            java.util.Arrays.fill(accRe[c], 0);
            java.util.Arrays.fill(accIm[c], 0);
        }
        double[] ggswRe = ggsw.re();
        double[] ggswIm = ggsw.im();
        for (int row = 0; row < glweSize; row++) {
            scratch.decomposer.decomposePolynomial(in, row * n, n, scratch.digits);
            for (int level = 0; level < levels; level++) {
                fft.forward(scratch.digits, level * n, scratch.fourierRe, scratch.fourierIm);
                for (int c = 0; c < glweSize; c++) {
                    fft.multiplyAccumulate(accRe[c], accIm[c], 0, scratch.fourierRe, scratch.fourierIm, 0, ggswRe,
                            ggswIm, ggsw.polynomialOffset(level, row, c));
                }
            }
        }
        for (int c = 0; c < glweSize; c++) {
            fft.backwardAdd(accRe[c], accIm[c], out, c * n);
        }
        assert m == scratch.fourierRe.length;
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

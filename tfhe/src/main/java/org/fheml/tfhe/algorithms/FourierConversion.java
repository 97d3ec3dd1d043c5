package org.fheml.tfhe.algorithms;

import java.util.ArrayList;
import java.util.List;
import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.entities.FourierBootstrapKey;
import org.fheml.tfhe.entities.FourierGgswCiphertext;
import org.fheml.tfhe.entities.GgswCiphertext;
import org.fheml.tfhe.entities.LweBootstrapKey;
import org.fheml.tfhe.fft.NegacyclicFft;

/** Converts GGSW ciphertexts and bootstrap keys from the coefficient domain to the Fourier domain. */
public final class FourierConversion {

    private FourierConversion() {
    }

    /** Transforms every polynomial of {@code ggsw} into {@code out}. */
    public static void toFourier(GgswCiphertext ggsw, NegacyclicFft fft, FourierGgswCiphertext out) {
        DimensionMismatchException.check("PolynomialSize", "GGSW", ggsw.polynomialSize().value(), "FFT",
                fft.polynomialSize().value());
        DimensionMismatchException.check("PolynomialSize", "GGSW", ggsw.polynomialSize().value(), "Fourier GGSW",
                out.polynomialSize().value());
        DimensionMismatchException.check("GlweDimension", "GGSW", ggsw.glweDimension().value(), "Fourier GGSW",
                out.glweDimension().value());
        DimensionMismatchException.check("DecompositionLevelCount", "GGSW", ggsw.levels().value(), "Fourier GGSW",
                out.levels().value());
        int n = ggsw.polynomialSize().value();
        int m = fft.fourierSize();
        int glweSize = ggsw.glweDimension().glweSize();
        double[] re = new double[m];
        double[] im = new double[m];
        for (int level = 0; level < ggsw.levels().value(); level++) {
            for (int row = 0; row < glweSize; row++) {
                for (int column = 0; column < glweSize; column++) {
                    fft.forward(ggsw.data(), ggsw.rowOffset(level, row) + column * n, re, im);
                    int offset = out.polynomialOffset(level, row, column);
                    System.arraycopy(re, 0, out.re(), offset, m);
                    System.arraycopy(im, 0, out.im(), offset, m);
                }
            }
        }
    }

    /** The Fourier form of a whole bootstrap key. */
    public static FourierBootstrapKey toFourier(LweBootstrapKey key, NegacyclicFft fft) {
        List<FourierGgswCiphertext> out = new ArrayList<>(key.inputLweDimension());
        for (GgswCiphertext ggsw : key.ggsws()) {
            FourierGgswCiphertext fourier = new FourierGgswCiphertext(ggsw.glweDimension(), ggsw.polynomialSize(),
                    ggsw.baseLog(), ggsw.levels());
            toFourier(ggsw, fft, fourier);
            out.add(fourier);
        }
        return new FourierBootstrapKey(out);
    }
}

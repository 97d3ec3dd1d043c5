package org.fheml.tfhe.algorithms;

import java.util.List;
import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.entities.FourierBootstrapKey;
import org.fheml.tfhe.entities.FourierGgswCiphertext;
import org.fheml.tfhe.entities.GlweCiphertext;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.math.Polynomials;

/**
 * Blind rotation (tfhe-engine.md §8.5): from a ciphertext switched to modulus 2N, (ã, b̃), turns the trivial GLWE
 * of the lookup table into a GLWE encryption of lut·X^(−(b̃ − Σ ã_i·s_i)) through one CMUX per non-zero ã_i.
 * Allocates nothing.
 */
public final class BlindRotation {

    private BlindRotation() {
    }

    /**
     * @param switched n switched mask values then the switched body, all in [0, 2N)
     * @param accumulator receives the result
     * @param difference scratch GLWE of the same sizes
     */
    public static void blindRotate(FourierBootstrapKey key, int[] switched, LookupTable lut,
            GlweCiphertext accumulator, GlweCiphertext difference, ExternalProductScratch scratch) {
        int n = key.inputLweDimension().value();
        int bigN = key.polynomialSize().value();
        DimensionMismatchException.check("PolynomialSize", "bootstrap key", bigN, "lookup table",
                lut.coefficients().length);
        DimensionMismatchException.check("PolynomialSize", "bootstrap key", bigN, "accumulator",
                accumulator.polynomialSize().value());
        DimensionMismatchException.check("GlweDimension", "bootstrap key", key.glweDimension().value(), "accumulator",
                accumulator.glweDimension().value());
        DimensionMismatchException.check("GLWE length", "accumulator", accumulator.data().length, "difference",
                difference.data().length);
        if (switched.length < n + 1) {
            throw new DimensionMismatchException("Mismatched LweDimension: bootstrap key input=" + n
                    + ", switched ciphertext=" + (switched.length - 1));
        }
        if (!scratch.fits(key.ggsws().get(0))) {
            throw new IllegalArgumentException("The scratch was made for other sizes than this bootstrap key");
        }
        initialize(accumulator, lut, switched[n]);
        for (int i = 0; i < n; i++) {
            rotate(key, i, switched[i], accumulator, difference, scratch);
        }
    }

    /** The accumulator's start: the trivial GLWE of the lookup table rotated by −b̃. */
    static void initialize(GlweCiphertext accumulator, LookupTable lut, int switchedBody) {
        int bigN = accumulator.polynomialSize().value();
        int twoN = 2 * bigN;
        accumulator.clear();
        Polynomials.multiplyByMonomial(lut.coefficients(), 0, accumulator.data(), accumulator.bodyOffset(), bigN,
                (twoN - switchedBody) % twoN);
    }

    /** One CMUX of the rotation: acc ← acc + GGSW(s_i) ⊡ (acc·X^power − acc); nothing when power is 0. */
    static void rotate(FourierBootstrapKey key, int i, int power, GlweCiphertext accumulator,
            GlweCiphertext difference, ExternalProductScratch scratch) {
        if (power == 0) {
            return;
        }
        int bigN = accumulator.polynomialSize().value();
        long[] acc = accumulator.data();
        long[] diff = difference.data();
        for (int p = 0; p < accumulator.glweDimension().glweSize(); p++) {
            Polynomials.multiplyByMonomialMinusOne(acc, p * bigN, diff, p * bigN, bigN, power);
        }
        ExternalProduct.addExternalProductUnchecked(acc, key.ggsws().get(i), diff, scratch);
    }
}

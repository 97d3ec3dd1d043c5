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
        int glweSize = key.glweDimension().glweSize();
        long[] acc = accumulator.data();
        long[] diff = difference.data();
        accumulator.clear();
        int twoN = 2 * bigN;
        Polynomials.multiplyByMonomial(lut.coefficients(), 0, acc, accumulator.bodyOffset(), bigN,
                (twoN - switched[n]) % twoN);
        List<FourierGgswCiphertext> ggsws = key.ggsws();
        for (int i = 0; i < n; i++) {
            int power = switched[i];
            if (power == 0) {
                continue;
            }
            for (int p = 0; p < glweSize; p++) {
                Polynomials.multiplyByMonomialMinusOne(acc, p * bigN, diff, p * bigN, bigN, power);
            }
            ExternalProduct.addExternalProductUnchecked(acc, ggsws.get(i), diff, scratch);
        }
    }
}

package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.entities.FourierGgswCiphertext;
import org.fheml.tfhe.entities.GlweCiphertext;

/** CMUX: with a GGSW encryption of a bit b, selects ct0 (b = 0) or ct1 (b = 1) as ct0 + GGSW ⊡ (ct1 − ct0). */
public final class Cmux {

    private Cmux() {
    }

    /**
     * ct0 ← CMUX(ggsw, ct0, ct1). {@code difference} is scratch of the same sizes (overwritten with ct1 − ct0).
     */
    public static void cmux(FourierGgswCiphertext ggsw, GlweCiphertext ct0, GlweCiphertext ct1,
            GlweCiphertext difference, ExternalProductScratch scratch) {
        DimensionMismatchException.check("GLWE length", "ct0", ct0.data().length, "ct1", ct1.data().length);
        DimensionMismatchException.check("GLWE length", "ct0", ct0.data().length, "difference",
                difference.data().length);
        long[] d = difference.data();
        long[] a = ct0.data();
        long[] b = ct1.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = b[i] - a[i];
        }
        ExternalProduct.addExternalProduct(ct0, ggsw, difference, scratch);
    }
}

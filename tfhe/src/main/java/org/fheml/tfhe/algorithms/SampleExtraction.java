package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.entities.GlweCiphertext;
import org.fheml.tfhe.entities.LweCiphertext;

/**
 * Sample extraction: the LWE ciphertext, under the flattened GLWE key (dimension kN), of one coefficient of a GLWE
 * ciphertext's plaintext.
 */
public final class SampleExtraction {

    private SampleExtraction() {
    }

    /** Extracts coefficient {@code index} (0 ≤ index < N) of {@code in} into {@code out}. */
    public static void extract(GlweCiphertext in, int index, LweCiphertext out) {
        int n = in.polynomialSize().value();
        int k = in.glweDimension().value();
        DimensionMismatchException.check("LweDimension", "GLWE k·N", (long) k * n, "output LWE",
                out.dimension().value());
        java.util.Objects.checkIndex(index, n);
        long[] src = in.data();
        long[] dst = out.data();
        int base = out.offset();
        for (int p = 0; p < k; p++) {
            int poly = p * n;
            for (int t = 0; t <= index; t++) {
                dst[base + poly + t] = src[poly + index - t];
            }
            for (int t = index + 1; t < n; t++) {
                dst[base + poly + t] = -src[poly + n + index - t];
            }
        }
        dst[out.bodyIndex()] = src[in.bodyOffset() + index];
    }
}

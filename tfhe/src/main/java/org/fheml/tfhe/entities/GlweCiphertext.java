package org.fheml.tfhe.entities;

import org.fheml.tfhe.params.GlweDimension;
import org.fheml.tfhe.params.PolynomialSize;

/**
 * One GLWE ciphertext: k mask polynomials A_0..A_{k−1} followed by the body B, each of N coefficients, with phase
 * B − Σ A_i·S_i in Z_{2^64}[X]/(X^N + 1). Polynomial i starts at {@code i·N}.
 */
public final class GlweCiphertext {

    private final GlweDimension glweDimension;
    private final PolynomialSize polynomialSize;
    private final long[] data;

    /** A trivial encryption of 0. */
    public GlweCiphertext(GlweDimension glweDimension, PolynomialSize polynomialSize) {
        this.glweDimension = glweDimension;
        this.polynomialSize = polynomialSize;
        this.data = new long[glweDimension.glweSize() * polynomialSize.value()];
    }

    public GlweDimension glweDimension() {
        return glweDimension;
    }

    public PolynomialSize polynomialSize() {
        return polynomialSize;
    }

    /** The backing array: (k + 1)·N words. */
    public long[] data() {
        return data;
    }

    /** The offset of the body polynomial. */
    public int bodyOffset() {
        return glweDimension.value() * polynomialSize.value();
    }

    /** Sets every coefficient to 0. */
    public void clear() {
        java.util.Arrays.fill(data, 0);
    }
}

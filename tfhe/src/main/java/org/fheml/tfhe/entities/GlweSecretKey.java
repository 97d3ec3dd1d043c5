package org.fheml.tfhe.entities;

import org.fheml.tfhe.params.GlweDimension;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.params.PolynomialSize;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * A binary GLWE secret key: k polynomials of N coefficients 0 or 1, stored one after the other. Flattened, the same
 * coefficients are the "big" LWE key of dimension kN that sample extraction and KS→PBS ciphertexts use.
 */
public final class GlweSecretKey {

    private final GlweDimension glweDimension;
    private final PolynomialSize polynomialSize;
    private final LweSecretKey flattened;

    /** Wraps {@code coefficients} (k·N values 0 or 1, polynomial after polynomial; not copied). */
    public GlweSecretKey(GlweDimension glweDimension, PolynomialSize polynomialSize, long[] coefficients) {
        if (coefficients.length != glweDimension.value() * polynomialSize.value()) {
            throw new IllegalArgumentException("A GLWE key of k=" + glweDimension.value() + ", N="
                    + polynomialSize.value() + " has " + glweDimension.value() * polynomialSize.value()
                    + " coefficients, got " + coefficients.length);
        }
        this.glweDimension = glweDimension;
        this.polynomialSize = polynomialSize;
        this.flattened = new LweSecretKey(coefficients);
    }

    /** A uniform binary key drawn from {@code random}. */
    public static GlweSecretKey generate(GlweDimension glweDimension, PolynomialSize polynomialSize,
            AesCtrGenerator random) {
        long[] bits = new long[glweDimension.value() * polynomialSize.value()];
        random.fillBinary(bits, 0, bits.length);
        return new GlweSecretKey(glweDimension, polynomialSize, bits);
    }

    public GlweDimension glweDimension() {
        return glweDimension;
    }

    public PolynomialSize polynomialSize() {
        return polynomialSize;
    }

    /** The coefficients, polynomial i at offset i·N (not a copy). */
    public long[] coefficients() {
        return flattened.coefficients();
    }

    /** The same coefficients seen as an LWE key of dimension kN (shared, not copied). */
    public LweSecretKey asLweSecretKey() {
        return flattened;
    }

    public LweDimension flattenedDimension() {
        return new LweDimension(glweDimension.value() * polynomialSize.value());
    }
}

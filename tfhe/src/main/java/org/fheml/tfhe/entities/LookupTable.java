package org.fheml.tfhe.entities;

import org.fheml.tfhe.params.PolynomialSize;

/**
 * The accumulator polynomial of a programmable bootstrap: N torus coefficients, already laid out (boxes, half-box
 * rotation) by {@code LookupTables}. The blind rotation starts from the trivial GLWE encryption of it.
 */
public record LookupTable(long[] coefficients) {

    public LookupTable {
        new PolynomialSize(coefficients.length);
    }

    public PolynomialSize polynomialSize() {
        return new PolynomialSize(coefficients.length);
    }
}

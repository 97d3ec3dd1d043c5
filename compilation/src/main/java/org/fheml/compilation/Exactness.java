package org.fheml.compilation;

/**
 * How exactly a rounding is carried out on ciphertexts. Both give the same value in the clear; under encryption,
 * {@link #APPROXIMATE} lets values near the edge of a rounding box land in the neighbouring box, in exchange for
 * no extra bootstrap.
 */
public enum Exactness {
    EXACT,
    APPROXIMATE
}

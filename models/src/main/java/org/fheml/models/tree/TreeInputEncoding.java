package org.fheml.models.tree;

/**
 * What the client encrypts for each quantized feature, and so where a tree's split comparisons run. Both give the
 * same integer program and the same predictions; they differ in what travels and in what the server computes.
 */
public enum TreeInputEncoding {

    /**
     * For a feature q of n bits, the 2^n − 1 bits [q ≥ v], v = 1..2^n − 1 (its thermometer code). Every split
     * {@code q <= t} is then one of those bits, so the server compares nothing: each leaf, or each pair of sibling
     * leaves, costs one low-precision lookup on the number of its path's conditions that fail. The client encrypts
     * 2^n − 1 values per feature (with seeded masks, 8 bytes each on the wire); n_bits is limited to
     * {@value ThermometerCode#MAX_BITS}. The default.
     */
    THERMOMETER,

    /**
     * The quantized features themselves, one value per feature: each split is a comparison lookup reading n bits,
     * followed by a lookup per leaf (Concrete ML's GEMM formulation).
     */
    INTEGERS
}

package org.fheml.tfhe.optimizer;

/**
 * A security level with its curve: the smallest noise standard deviation that keeps an LWE instance of a given
 * dimension (binary key, Gaussian noise, modulus 2^64) at that many bits of security, as published by Concrete
 * (MATZOV cost model of the lattice estimator, curves of June and December 2024).
 * For GLWE, the dimension is k·N.
 */
public enum SecurityLevel {
    /** 128-bit security: Concrete's production level and fheml's default. */
    BITS_128(128, -0.025696778711484593, 2.675931372549016, 450),
    /** 132-bit security: the level of TFHE-rs's parameter sets. */
    BITS_132(132, -0.024891456582633045, 2.65734593837534, 450);

    /** log2 of the smallest standard deviation any dimension may use: the noise covers at least 2 bits of 64. */
    public static final double LOG2_STD_FLOOR = 2 - 64;

    private final int bits;
    private final double slope;
    private final double bias;
    private final int minimalDimension;

    SecurityLevel(int bits, double slope, double bias, int minimalDimension) {
        this.bits = bits;
        this.slope = slope;
        this.bias = bias;
        this.minimalDimension = minimalDimension;
    }

    public int bits() {
        return bits;
    }

    /** Below this dimension no noise gives this level. */
    public int minimalDimension() {
        return minimalDimension;
    }

    /**
     * log2 of the smallest secure standard deviation (as a fraction of the torus) at this dimension, or 0 (noise
     * covering the whole torus, i.e. infeasible) below the minimal dimension.
     */
    public double log2MinimalStd(int dimension) {
        if (dimension < minimalDimension) {
            return 0;
        }
        return Math.max(slope * dimension + bias, LOG2_STD_FLOOR);
    }

    /** The smallest secure standard deviation at this dimension, as a fraction of the torus. */
    public double minimalStd(int dimension) {
        return Math.pow(2, log2MinimalStd(dimension));
    }

    /** The smallest secure torus variance at this dimension. */
    public double minimalVariance(int dimension) {
        return Math.pow(2, 2 * log2MinimalStd(dimension));
    }

    /** The level of a number of bits, for command-line and JSON input. */
    public static SecurityLevel ofBits(int bits) {
        for (SecurityLevel level : values()) {
            if (level.bits == bits) {
                return level;
            }
        }
        throw new IllegalArgumentException("No security curve for " + bits + " bits: use 128 or 132.");
    }

    /**
     * The security, in bits, that noise of standard deviation {@code std} (torus fraction) gives at
     * {@code dimension}. Interpolates linearly between the 128- and 132-bit curves (and extrapolates beyond them),
     * so it is exact on both curves and an estimate elsewhere; 0 below the minimal dimension.
     */
    public static double securityBits(int dimension, double std) {
        if (dimension < BITS_128.minimalDimension) {
            return 0;
        }
        double log2Std = Math.log(std) / Math.log(2);
        double at128 = BITS_128.slope * dimension + BITS_128.bias;
        double perBit = ((BITS_132.slope - BITS_128.slope) * dimension + (BITS_132.bias - BITS_128.bias)) / 4;
        return 128 + (log2Std - at128) / perBit;
    }
}

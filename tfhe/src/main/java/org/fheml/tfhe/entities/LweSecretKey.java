package org.fheml.tfhe.entities;

import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.random.AesCtrGenerator;

/** A binary LWE secret key: n coefficients, each 0 or 1, stored as longs so that dot products stay in 64 bits. */
public final class LweSecretKey {

    private final long[] coefficients;

    /** Wraps {@code coefficients} (not copied); each must be 0 or 1. */
    public LweSecretKey(long[] coefficients) {
        for (int i = 0; i < coefficients.length; i++) {
            if (coefficients[i] != 0 && coefficients[i] != 1) {
                throw new IllegalArgumentException(
                        "A binary secret key has coefficients 0 or 1, got " + coefficients[i] + " at " + i);
            }
        }
        this.coefficients = coefficients;
    }

    /** A uniform binary key drawn from {@code random} (seed it from a SecureRandom for real keys). */
    public static LweSecretKey generate(LweDimension dimension, AesCtrGenerator random) {
        long[] bits = new long[dimension.value()];
        random.fillBinary(bits, 0, bits.length);
        return new LweSecretKey(bits);
    }

    public LweDimension dimension() {
        return new LweDimension(coefficients.length);
    }

    /** The coefficients themselves (not a copy): read them, do not change them. */
    public long[] coefficients() {
        return coefficients;
    }
}

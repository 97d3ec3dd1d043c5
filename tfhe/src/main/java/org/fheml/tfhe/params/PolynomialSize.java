package org.fheml.tfhe.params;

import org.fheml.tfhe.InvalidParameterException;

/** The number of coefficients (N) of the polynomials of the ring Z[X]/(X^N + 1): a power of two from 2 to 2^17. */
public record PolynomialSize(int value) {

    /** The largest supported size: 2^17. */
    public static final int MAX = 1 << 17;

    public PolynomialSize {
        if (value < 2 || value > MAX || Integer.bitCount(value) != 1) {
            throw new InvalidParameterException(
                    "PolynomialSize must be a power of two between 2 and " + MAX + ", got " + value);
        }
    }

    /** log2 N. */
    public int log2() {
        return Integer.numberOfTrailingZeros(value);
    }

    /** The size of the complex Fourier representation: N / 2. */
    public int fourierSize() {
        return value / 2;
    }
}

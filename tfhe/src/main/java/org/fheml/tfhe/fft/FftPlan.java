package org.fheml.tfhe.fft;

import org.fheml.tfhe.InvalidParameterException;

/**
 * The precomputed constants of a complex FFT of size M (a power of two): per butterfly stage of half-width h, the
 * twiddles e^(−iπ·j/h) for j < h, stored contiguously from offset h − 1, so that a kernel reads each stage as one
 * unit-stride run (vectorisable). Immutable and shareable between threads.
 */
public final class FftPlan {

    private final int size;
    private final double[] twiddleRe;
    private final double[] twiddleIm;
    private final double[] twiddleImNegated;

    public FftPlan(int size) {
        if (size < 1 || Integer.bitCount(size) != 1) {
            throw new InvalidParameterException("An FFT size must be a power of two, got " + size);
        }
        this.size = size;
        this.twiddleRe = new double[Math.max(1, size - 1)];
        this.twiddleIm = new double[Math.max(1, size - 1)];
        for (int half = 1; half < size; half <<= 1) {
            for (int j = 0; j < half; j++) {
                double angle = Math.PI * j / half;
                twiddleRe[half - 1 + j] = Math.cos(angle);
                twiddleIm[half - 1 + j] = -Math.sin(angle);
            }
        }
        this.twiddleImNegated = new double[twiddleIm.length];
        for (int i = 0; i < twiddleIm.length; i++) {
            twiddleImNegated[i] = -twiddleIm[i];
        }
    }

    /** M: the number of complex values transformed. */
    public int size() {
        return size;
    }

    /** Real parts of the forward twiddles; stage of half-width h at offset h − 1. */
    public double[] twiddleRe() {
        return twiddleRe;
    }

    /** Imaginary parts of the forward twiddles (the inverse uses their conjugates). */
    public double[] twiddleIm() {
        return twiddleIm;
    }

    /** The negated imaginary parts (sin), so that a kernel multiplies by a twiddle or its conjugate with FMAs only. */
    double[] twiddleImNegated() {
        return twiddleImNegated;
    }
}

package org.fheml.tfhe.math;

import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;

/**
 * Signed balanced gadget decomposition of torus values (tfhe-engine.md §8.3): x is rounded to its closest multiple of
 * 2^(64 − l·β), then written as Σ_{j<l} d_j·2^(64 − (j+1)·β) with digits d_j in [−B/2, B/2] (B = 2^β), index 0 the
 * most significant. Ties at ±B/2 are broken by the next digit's low bit, as TFHE-rs does, which keeps the digits
 * centred.
 */
public final class SignedDecomposer {

    private final int baseLog;
    private final int levels;
    private final int totalBits;
    private final long digitMask;

    public SignedDecomposer(DecompositionBaseLog baseLog, DecompositionLevelCount levels) {
        this.baseLog = baseLog.value();
        this.levels = levels.value();
        this.totalBits = this.baseLog * this.levels;
        if (totalBits > 64) {
            throw new IllegalArgumentException("A decomposition of " + this.levels + " levels of " + this.baseLog
                    + " bits exceeds the 64 bits of the torus");
        }
        this.digitMask = (1L << this.baseLog) - 1;
    }

    public int baseLog() {
        return baseLog;
    }

    public int levels() {
        return levels;
    }

    /** x rounded to the closest multiple of 2^(64 − l·β), i.e. what the digits recompose to. */
    public long closestRepresentable(long x) {
        if (totalBits == 64) {
            return x;
        }
        return roundedState(x) << (64 - totalBits);
    }

    /** The weight 2^(64 − (level+1)·β) of a digit, as a torus value. */
    public long weight(int level) {
        return 1L << (64 - (level + 1) * baseLog);
    }

    /** Writes the l digits of {@code x} into {@code digits[offset + j]}, j = 0 being the most significant. */
    public void decompose(long x, long[] digits, int offset) {
        long state = roundedState(x);
        for (int j = levels - 1; j >= 0; j--) {
            long res = state & digitMask;
            state >>>= baseLog;
            long carry = (((res - 1) | state) & res) >>> (baseLog - 1);
            state += carry;
            digits[offset + j] = res - (carry << baseLog);
        }
    }

    /**
     * Decomposes the {@code size} coefficients at {@code src[srcOffset]}: the digit of level j of coefficient t goes
     * to {@code dst[j·size + t]}.
     */
    public void decomposePolynomial(long[] src, int srcOffset, int size, long[] dst) {
        for (int t = 0; t < size; t++) {
            long state = roundedState(src[srcOffset + t]);
            for (int j = levels - 1; j >= 0; j--) {
                long res = state & digitMask;
                state >>>= baseLog;
                long carry = (((res - 1) | state) & res) >>> (baseLog - 1);
                state += carry;
                dst[j * size + t] = res - (carry << baseLog);
            }
        }
    }

    /** Σ_j digits[offset + j]·2^(64 − (j+1)·β) mod 2^64. */
    public long recompose(long[] digits, int offset) {
        long sum = 0;
        for (int j = 0; j < levels; j++) {
            sum += digits[offset + j] * weight(j);
        }
        return sum;
    }

    /** The top l·β bits of x, rounded to nearest, as an unsigned integer below 2^(l·β) (or x itself at 64 bits). */
    private long roundedState(long x) {
        if (totalBits == 64) {
            return x;
        }
        int shift = 64 - totalBits;
        long rounded = ((x >>> (shift - 1)) + 1) >>> 1;
        return rounded & ((1L << totalBits) - 1);
    }
}

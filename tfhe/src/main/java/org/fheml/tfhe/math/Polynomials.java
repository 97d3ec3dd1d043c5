package org.fheml.tfhe.math;

/**
 * Integer arithmetic in Z_{2^64}[X]/(X^N + 1) on polynomials stored as N longs at an offset: the exact reference for
 * the FFT product, the exact key products of encryption, and the monomial rotations of the blind rotation.
 */
public final class Polynomials {

    private Polynomials() {
    }

    /** out = a·b mod (X^N + 1, 2^64), schoolbook O(N²); out must not alias a or b. */
    public static void negacyclicMultiply(long[] a, long[] b, long[] out) {
        int n = a.length;
        java.util.Arrays.fill(out, 0, n, 0);
        for (int i = 0; i < n; i++) {
            long ai = a[i];
            for (int j = 0; j < n - i; j++) {
                out[i + j] += ai * b[j];
            }
            for (int j = n - i; j < n; j++) {
                out[i + j - n] -= ai * b[j];
            }
        }
    }

    /**
     * out += a·s mod (X^N + 1, 2^64) for a binary polynomial s (coefficients 0 or 1): exact, as encryption needs,
     * and O(N·weight(s)) additions.
     */
    public static void addMultiplyBinary(long[] out, int outOffset, long[] a, int aOffset, long[] s, int sOffset,
            int n) {
        for (int t = 0; t < n; t++) {
            if (s[sOffset + t] == 0) {
                continue;
            }
            int split = n - t;
            for (int j = 0; j < split; j++) {
                out[outOffset + j + t] += a[aOffset + j];
            }
            for (int j = split; j < n; j++) {
                out[outOffset + j - split] -= a[aOffset + j];
            }
        }
    }

    /** dst = src·X^power for power in [0, 2N); src and dst must not overlap. */
    public static void multiplyByMonomial(long[] src, int srcOffset, long[] dst, int dstOffset, int n, int power) {
        boolean negate = power >= n;
        int shift = negate ? power - n : power;
        for (int j = 0; j < n - shift; j++) {
            long v = src[srcOffset + j];
            dst[dstOffset + j + shift] = negate ? -v : v;
        }
        for (int j = n - shift; j < n; j++) {
            long v = src[srcOffset + j];
            dst[dstOffset + j + shift - n] = negate ? v : -v;
        }
    }

    /** dst = src·X^power − src for power in [0, 2N); src and dst must not overlap. */
    public static void multiplyByMonomialMinusOne(long[] src, int srcOffset, long[] dst, int dstOffset, int n,
            int power) {
        // dst[j] = ±src[j − shift] − src[j], in two branch-free runs that C2 vectorises
        boolean negate = power >= n;
        int shift = negate ? power - n : power;
        if (negate) {
            for (int j = 0; j < shift; j++) {
                dst[dstOffset + j] = src[srcOffset + j - shift + n] - src[srcOffset + j];
            }
            for (int j = shift; j < n; j++) {
                dst[dstOffset + j] = -src[srcOffset + j - shift] - src[srcOffset + j];
            }
        } else {
            for (int j = 0; j < shift; j++) {
                dst[dstOffset + j] = -src[srcOffset + j - shift + n] - src[srcOffset + j];
            }
            for (int j = shift; j < n; j++) {
                dst[dstOffset + j] = src[srcOffset + j - shift] - src[srcOffset + j];
            }
        }
    }
}

package org.fheml.tfhe.encoding;

import org.fheml.tfhe.InvalidParameterException;

/**
 * Messages of p bits with one padding bit on the torus: m in [0, 2^p) is encoded as m·Δ with Δ = 2^63 / 2^p, so the
 * top bit stays free (a bootstrap needs it to read the message without negacyclic sign flips). Decoding rounds to the
 * nearest multiple of Δ and reduces mod 2^p, so noise below Δ/2 in absolute value disappears.
 */
public record Encoding(int precision) {

    /** The widest precision: with the padding bit, Δ = 2^1. */
    public static final int MAX_PRECISION = 62;

    public Encoding {
        if (precision < 1 || precision > MAX_PRECISION) {
            throw new InvalidParameterException(
                    "Encoding precision must be between 1 and " + MAX_PRECISION + " bits, got " + precision);
        }
    }

    /** Δ = 2^(63 − p). */
    public long delta() {
        return 1L << (63 - precision);
    }

    /** 2^p: the number of distinct messages. */
    public long messageModulus() {
        return 1L << precision;
    }

    /** m·Δ; m is reduced mod 2^p first, so negative messages wrap like unsigned p-bit integers. */
    public long encode(long message) {
        return (message & (messageModulus() - 1)) << (63 - precision);
    }

    /** The message nearest to a torus value, in [0, 2^p). */
    public long decode(long torus) {
        int shift = 63 - precision;
        long rounded = (torus + (1L << (shift - 1))) >>> shift;
        return rounded & (messageModulus() - 1);
    }

    /** The message nearest to a torus value as a signed integer in [−2^(p−1), 2^(p−1)). */
    public long decodeSigned(long torus) {
        long m = decode(torus);
        return m >= messageModulus() / 2 ? m - messageModulus() : m;
    }

    /** The signed distance from a torus value to the encoding of {@code message}: the noise it carries. */
    public long error(long torus, long message) {
        return torus - encode(message);
    }
}

package org.fheml.models.tree;

/**
 * The thermometer code of quantized rows: feature f of n bits becomes the 2^n − 1 bits [q_f ≥ v] for
 * v = 1..2^n − 1, at positions f·(2^n − 1) + v − 1 of the encoded row.
 */
final class ThermometerCode {

    /** The widest feature the code is offered for: 1023 bits per feature. */
    static final int MAX_BITS = 10;

    private final int bits;
    private final int levels;

    ThermometerCode(int bits) {
        if (bits < 1 || bits > MAX_BITS) {
            throw new IllegalArgumentException("The thermometer input encoding takes features of 1.." + MAX_BITS
                    + " bits (2^n − 1 encrypted bits per feature), got n_bits " + bits + ": lower n_bits or use "
                    + "TreeInputEncoding.INTEGERS.");
        }
        this.bits = bits;
        this.levels = (1 << bits) - 1;
    }

    /** The bits per feature, 2^n − 1. */
    int levels() {
        return levels;
    }

    /** The position of [q_feature ≥ level] in an encoded row, for level in 1..2^n − 1. */
    int position(int feature, long level) {
        return feature * levels + (int) level - 1;
    }

    /** Whether level can be tested by a bit of the code (levels ≤ 0 always hold, levels above 2^n − 1 never). */
    boolean isBit(long level) {
        return level >= 1 && level <= levels;
    }

    long[] encode(long[] q) {
        long[] out = new long[q.length * levels];
        for (int f = 0; f < q.length; f++) {
            if (q[f] < 0 || q[f] > levels) {
                throw new IllegalArgumentException("Feature " + f + " is " + q[f] + ", outside the " + bits
                        + "-bit range [0, " + levels + "] of the thermometer code.");
            }
            for (int v = 1; v <= q[f]; v++) {
                out[position(f, v)] = 1;
            }
        }
        return out;
    }

    long[][] encode(long[][] rows) {
        long[][] out = new long[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = encode(rows[i]);
        }
        return out;
    }
}

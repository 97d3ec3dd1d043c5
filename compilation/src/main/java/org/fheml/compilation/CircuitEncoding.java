package org.fheml.compilation;

/**
 * How a circuit's integers sit on the torus: every encrypted value v is v·Δ with Δ = 2^(63 − bits), so values of
 * up to {@code bits} bits, signed or not, decode exactly (arithmetic wraps mod 2^(bits + 1), one bit of room
 * above the widest value).
 */
record CircuitEncoding(int bits) {

    CircuitEncoding {
        if (bits < 1 || bits > 60) {
            throw new CompilationException("An encrypted value of " + bits + " bits cannot be encoded on a 64-bit "
                    + "torus with room for its noise: lower n_bits.");
        }
    }

    long delta() {
        return 1L << (63 - bits);
    }

    long encode(long value) {
        return value << (63 - bits);
    }

    /** The integer nearest to a torus value, in [−2^bits, 2^bits). */
    long decode(long phase) {
        int shift = 63 - bits;
        return (phase + (1L << (shift - 1))) >> shift;
    }
}

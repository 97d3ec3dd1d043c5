package org.fheml.tfhe.entities;

import org.fheml.tfhe.params.LweDimension;

/**
 * One LWE ciphertext: n mask words a_0..a_{n−1} followed by the body b, with phase b − Σ a_i·s_i (mod 2^64). It is a
 * view of {@code n + 1} words of a long array at an offset, so a ciphertext of a {@link LweCiphertextList} needs no
 * copy.
 */
public final class LweCiphertext {

    private final LweDimension dimension;
    private final long[] data;
    private final int offset;

    /** A fresh ciphertext of zeros (a trivial encryption of 0). */
    public LweCiphertext(LweDimension dimension) {
        this(dimension, new long[dimension.lweSize()], 0);
    }

    /** A view of {@code data[offset, offset + n + 1)}. */
    public LweCiphertext(LweDimension dimension, long[] data, int offset) {
        if (offset < 0 || (long) offset + dimension.lweSize() > data.length) {
            throw new IllegalArgumentException("An LWE ciphertext of dimension " + dimension.value() + " at offset "
                    + offset + " does not fit in an array of " + data.length + " words");
        }
        this.dimension = dimension;
        this.data = data;
        this.offset = offset;
    }

    public LweDimension dimension() {
        return dimension;
    }

    /** The backing array: mask at {@code offset()}, body at {@code bodyIndex()}. */
    public long[] data() {
        return data;
    }

    public int offset() {
        return offset;
    }

    public int bodyIndex() {
        return offset + dimension.value();
    }

    public long body() {
        return data[bodyIndex()];
    }

    public void setBody(long body) {
        data[bodyIndex()] = body;
    }

    /** A copy with its own array. */
    public LweCiphertext copy() {
        LweCiphertext copy = new LweCiphertext(dimension);
        copyTo(copy);
        return copy;
    }

    /** Copies this ciphertext's words into {@code target} (same dimension). */
    public void copyTo(LweCiphertext target) {
        org.fheml.tfhe.DimensionMismatchException.check("LweDimension", "target", target.dimension.value(),
                "source", dimension.value());
        System.arraycopy(data, offset, target.data, target.offset, dimension.lweSize());
    }
}

package org.fheml.tfhe.entities;

import org.fheml.tfhe.params.LweDimension;

/** Many LWE ciphertexts of one dimension, stored back to back in one long array (ciphertext i at i·(n + 1)). */
public final class LweCiphertextList {

    private final LweDimension dimension;
    private final int count;
    private final long[] data;

    /** A list of {@code count} trivial encryptions of 0. */
    public LweCiphertextList(LweDimension dimension, int count) {
        if (count < 0 || (long) count * dimension.lweSize() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Cannot hold " + count + " LWE ciphertexts of dimension "
                    + dimension.value() + " in one array: split the list");
        }
        this.dimension = dimension;
        this.count = count;
        this.data = new long[count * dimension.lweSize()];
    }

    public LweDimension dimension() {
        return dimension;
    }

    public int count() {
        return count;
    }

    /** The backing array. */
    public long[] data() {
        return data;
    }

    /** The offset of ciphertext {@code index} in {@link #data()}. */
    public int offsetOf(int index) {
        java.util.Objects.checkIndex(index, count);
        return index * dimension.lweSize();
    }

    /** A view of ciphertext {@code index} (shares the array). */
    public LweCiphertext get(int index) {
        return new LweCiphertext(dimension, data, offsetOf(index));
    }
}

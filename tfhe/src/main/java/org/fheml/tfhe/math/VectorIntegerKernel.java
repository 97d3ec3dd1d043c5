package org.fheml.tfhe.math;

import java.lang.invoke.MethodHandles;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link IntegerKernel} on jdk.incubator.vector ({@code LongVector} at the preferred width or, through
 * {@link #atWidth}, any other, and {@code IntVector} of the same width, twice the lanes, for the 32-bit torus): the keyswitch reads the key as one sequential stream, row by row, skipping the
 * rows of zero digits. Wrapping multiplication and subtraction are exact, so the results equal the scalar kernel's
 * bit for bit.
 */
public final class VectorIntegerKernel implements IntegerKernel {

    private static final int BITS =
            VectorWidth.of(MethodHandles.lookup(), LongVector.SPECIES_PREFERRED.vectorBitSize());
    private static final VectorSpecies<Long> L = VectorSpecies.of(long.class, VectorShape.forBitSize(BITS));
    private static final int LANES = L.length();
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, VectorShape.forBitSize(BITS));
    private static final int INT_LANES = I.length();

    @Override
    public String name() {
        return "vector-" + BITS;
    }

    /** The width this JVM prefers, in bits (the class itself runs at it). */
    static int preferredBits() {
        return LongVector.SPECIES_PREFERRED.vectorBitSize();
    }

    /** This kernel compiled for vectors of {@code bits} bits (128, 256 or 512), see {@link VectorWidth}. */
    static IntegerKernel atWidth(int bits) {
        return bits == preferredBits() ? new VectorIntegerKernel()
                : VectorWidth.instantiate(MethodHandles.lookup(), IntegerKernel.class, bits);
    }

    @Override
    public void subtractDigitCombination(long[] dst, int dstOffset, long[] rows, int rowsOffset, long[] digits,
            int levels, int length) {
        int bound = L.loopBound(length);
        // level by level: the rows are read as one sequential stream (the key is far larger than the caches and
        // this loop is bound by memory bandwidth); dst stays in L1
        for (int level = 0; level < levels; level++) {
            long digit = digits[level];
            if (digit == 0) {
                continue;
            }
            int base = rowsOffset + level * length;
            int t = 0;
            for (; t < bound; t += LANES) {
                LongVector.fromArray(L, dst, dstOffset + t).sub(LongVector.fromArray(L, rows, base + t).mul(digit))
                        .intoArray(dst, dstOffset + t);
            }
            for (; t < length; t++) {
                dst[dstOffset + t] -= digit * rows[base + t];
            }
        }
    }

    @Override
    public void subtractDigitCombination(int[] dst, int dstOffset, int[] rows, int rowsOffset, long[] digits,
            int levels, int length) {
        int bound = I.loopBound(length);
        for (int level = 0; level < levels; level++) {
            int digit = (int) digits[level];
            if (digit == 0) {
                continue;
            }
            int base = rowsOffset + level * length;
            int t = 0;
            for (; t < bound; t += INT_LANES) {
                IntVector.fromArray(I, dst, dstOffset + t).sub(IntVector.fromArray(I, rows, base + t).mul(digit))
                        .intoArray(dst, dstOffset + t);
            }
            for (; t < length; t++) {
                dst[dstOffset + t] -= digit * rows[base + t];
            }
        }
    }
}

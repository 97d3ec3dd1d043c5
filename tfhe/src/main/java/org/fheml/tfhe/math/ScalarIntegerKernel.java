package org.fheml.tfhe.math;

/** The scalar reference implementation of {@link IntegerKernel}. */
public final class ScalarIntegerKernel implements IntegerKernel {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void subtractDigitCombination(long[] dst, int dstOffset, long[] rows, int rowsOffset, long[] digits,
            int levels, int length) {
        for (int level = 0; level < levels; level++) {
            long digit = digits[level];
            if (digit == 0) {
                continue;
            }
            int base = rowsOffset + level * length;
            for (int t = 0; t < length; t++) {
                dst[dstOffset + t] -= digit * rows[base + t];
            }
        }
    }

    @Override
    public void subtractDigitCombination(int[] dst, int dstOffset, int[] rows, int rowsOffset, long[] digits,
            int levels, int length) {
        for (int level = 0; level < levels; level++) {
            int digit = (int) digits[level];
            if (digit == 0) {
                continue;
            }
            int base = rowsOffset + level * length;
            for (int t = 0; t < length; t++) {
                dst[dstOffset + t] -= digit * rows[base + t];
            }
        }
    }
}

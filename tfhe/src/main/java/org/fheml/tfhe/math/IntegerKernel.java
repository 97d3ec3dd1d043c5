package org.fheml.tfhe.math;

/**
 * The hot integer loops of the runtime (the keyswitch's wrapping axpy), behind one interface so that a SIMD
 * implementation can replace the scalar reference; both give bit-identical results (arithmetic mod 2^64, or mod 2^32
 * on the int arrays of a keyswitch key rounded to the 32-bit torus).
 * Implementations assume valid sizes (callers check) and allocate nothing.
 */
public interface IntegerKernel {

    /** A short name for logs and benchmarks. */
    String name();

    /**
     * dst[dstOffset + t] −= Σ_{j<levels} digits[j]·rows[rowsOffset + j·length + t] mod 2^64 for t < length: one
     * input coefficient of an LWE keyswitch, all its levels at once. Rows whose digit is 0 are not read.
     */
    void subtractDigitCombination(long[] dst, int dstOffset, long[] rows, int rowsOffset, long[] digits, int levels,
            int length);

    /**
     * The same on the 32-bit torus: dst[dstOffset + t] −= Σ_{j<levels} digits[j]·rows[rowsOffset + j·length + t]
     * mod 2^32. Only a digit's low 32 bits matter mod 2^32; rows whose digit is 0 mod 2^32 are not read.
     */
    void subtractDigitCombination(int[] dst, int dstOffset, int[] rows, int rowsOffset, long[] digits, int levels,
            int length);
}

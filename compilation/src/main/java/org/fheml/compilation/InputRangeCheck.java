package org.fheml.compilation;

/**
 * What a circuit does with an argument value outside the bounds it was compiled for (the inputset's range, or the
 * ranges declared with {@link InputRange}). Within those bounds every value of the circuit fits its encoding, so
 * that evaluation in the clear, simulation and encrypted execution agree; outside them the encoding wraps around.
 */
public enum InputRangeCheck {
    /**
     * The default: {@code evaluate}, {@code simulate} and {@code encrypt} (so {@code encryptRunDecrypt}) refuse the
     * value with an {@link InputRangeException} naming the argument, the element, the value and the range.
     */
    REFUSE,
    /** Every value is clipped to its element's range before anything runs: all modes compute on the clipped value. */
    CLIP,
    /**
     * No check: the risk is the caller's. Encrypted execution computes modulo the encoding's message space (with its
     * padding bit) and lookups read their tables negacyclically; {@code simulate} reproduces that wrap-around
     * exactly, so it still equals {@code encryptRunDecrypt}, while {@code evaluate} computes the integer program
     * itself and may differ from both outside the bounds.
     */
    UNCHECKED
}

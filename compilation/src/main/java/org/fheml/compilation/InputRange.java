package org.fheml.compilation;

import java.util.Arrays;

/**
 * The values an argument may take, declared when the circuit is compiled ({@link Compiler#of(java.util.Map,
 * java.util.Map, java.util.function.Function)}): the circuit's bounds then hold for every such value, however few of
 * them the inputset shows. Either one range for every element, or one per element (row-major).
 */
public record InputRange(long[] lower, long[] upper) {

    public InputRange {
        if (lower == null || upper == null || lower.length != upper.length || lower.length == 0) {
            throw new IllegalArgumentException("An input range needs as many lower as upper bounds, at least one.");
        }
        lower = lower.clone();
        upper = upper.clone();
        for (int i = 0; i < lower.length; i++) {
            if (lower[i] > upper[i]) {
                throw new IllegalArgumentException("Input range element " + i + ": lower bound " + lower[i]
                        + " is above upper bound " + upper[i] + ".");
            }
        }
    }

    /** Every element in [lower, upper]. */
    public static InputRange of(long lower, long upper) {
        return new InputRange(new long[] {lower}, new long[] {upper});
    }

    /** Element i in [lower[i], upper[i]]. */
    public static InputRange perElement(long[] lower, long[] upper) {
        return new InputRange(lower, upper);
    }

    @Override
    public long[] lower() {
        return lower.clone();
    }

    @Override
    public long[] upper() {
        return upper.clone();
    }

    /** Whether one range holds for every element. */
    public boolean isUniform() {
        return lower.length == 1;
    }

    /**
     * The values to compute on under {@code check}, for a per-element range with one entry per value (see
     * {@link ArgumentBoundsCheck#apply}); reads the bounds in place, without copying them.
     */
    long[] checkPerElement(InputRangeCheck check, int argument, String name, long[] values) {
        return ArgumentBoundsCheck.apply(check, argument, name, values, lower, upper);
    }

    /** The bounds of an argument of this shape; a per-element range must have one entry per element. */
    Bounds bounds(Shape shape, String argument) {
        int size = shape.size();
        if (isUniform()) {
            long[] lo = new long[size];
            long[] hi = new long[size];
            Arrays.fill(lo, lower[0]);
            Arrays.fill(hi, upper[0]);
            return new Bounds(LongTensor.of(shape, lo), LongTensor.of(shape, hi));
        }
        if (lower.length != size) {
            throw new CompilationException("The range declared for argument '" + argument + "' has " + lower.length
                    + " elements, its shape " + shape + " has " + size + ".");
        }
        return new Bounds(LongTensor.of(shape, lower.clone()), LongTensor.of(shape, upper.clone()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InputRange r && Arrays.equals(lower, r.lower) && Arrays.equals(upper, r.upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        return isUniform() ? "[" + lower[0] + ", " + upper[0] + "]"
                : "InputRange(" + Arrays.toString(lower) + ", " + Arrays.toString(upper) + ")";
    }
}

package org.fheml.quantization;

import java.util.Arrays;
import org.fheml.compilation.IntegerType;

/**
 * Element-wise bounds on the integers of a tensor that hold for every input within the module's input range, by
 * the same interval arithmetic the compiler applies: what sizes roundings ({@link RoundOp#toBits}) and argmax plans.
 */
public record IntegerBounds(long[] lower, long[] upper) {

    public IntegerBounds {
        if (lower.length != upper.length) {
            throw new IllegalArgumentException("Bounds of different sizes: " + lower.length + " and " + upper.length);
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    /** The same bounds for every one of {@code size} elements. */
    public static IntegerBounds uniform(int size, long lower, long upper) {
        long[] lo = new long[size];
        long[] hi = new long[size];
        Arrays.fill(lo, lower);
        Arrays.fill(hi, upper);
        return new IntegerBounds(lo, hi);
    }

    @Override
    public long[] lower() {
        return lower.clone();
    }

    @Override
    public long[] upper() {
        return upper.clone();
    }

    public int size() {
        return lower.length;
    }

    public long lower(int element) {
        return lower[element];
    }

    public long upper(int element) {
        return upper[element];
    }

    public long min() {
        return Arrays.stream(lower).min().orElseThrow();
    }

    public long max() {
        return Arrays.stream(upper).max().orElseThrow();
    }

    /** The bits of the smallest integer type holding every element. */
    public int bits() {
        return IntegerType.of(min(), max()).bits();
    }
}

package org.fheml.compilation;

/** Element-wise lower and upper bounds of a node's values. */
public record Bounds(LongTensor lower, LongTensor upper) {

    public static Bounds exactly(LongTensor value) {
        return new Bounds(value, value);
    }

    public long min() {
        return lower.min();
    }

    public long max() {
        return upper.max();
    }

    public IntegerType type() {
        return IntegerType.of(min(), max());
    }
}

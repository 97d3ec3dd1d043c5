package org.fheml.compilation;

import java.util.Arrays;

/**
 * The values of a lookup: element i of the input, of value v, becomes {@code values[e][v - offset]}, where e is
 * 0 for a table shared by every element, or the element's row-major position for per-element tables.
 */
public record LookupTable(long offset, long[][] values) {

    public LookupTable {
        if (values.length == 0) {
            throw new IllegalArgumentException("A lookup needs at least one table.");
        }
        int size = values[0].length;
        if (size == 0) {
            throw new IllegalArgumentException("A lookup table cannot be empty.");
        }
        for (long[] table : values) {
            if (table.length != size) {
                throw new IllegalArgumentException("Per-element tables must have one size, got " + size + " and "
                        + table.length + ".");
            }
        }
        values = Arrays.stream(values).map(long[]::clone).toArray(long[][]::new);
    }

    /** One table for every element, indexed from 0. */
    public static LookupTable shared(long[] table) {
        return new LookupTable(0, new long[][] {table});
    }

    public boolean isPerElement() {
        return values.length > 1;
    }

    public int size() {
        return values[0].length;
    }

    /** The inputs the table covers: offset .. offset + size − 1. */
    public long lastInput() {
        return offset + size() - 1;
    }

    /** The output for element {@code element} of value {@code input}. */
    public long apply(int element, long input) {
        long[] table = values[isPerElement() ? element : 0];
        long index = input - offset;
        if (index < 0 || index >= table.length) {
            throw new ArithmeticException("Lookup input " + input + " is outside the table's inputs " + offset + ".."
                    + lastInput() + ".");
        }
        return table[(int) index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LookupTable t && offset == t.offset && Arrays.deepEquals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(offset) + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return isPerElement()
                ? "per-element tables(" + values.length + " x " + size() + ", offset " + offset + ")"
                : "table(offset " + offset + ", " + Arrays.toString(values[0]) + ")";
    }
}

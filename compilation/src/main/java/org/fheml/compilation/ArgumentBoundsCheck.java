package org.fheml.compilation;

/**
 * Applies an {@link InputRangeCheck} to one argument's values against the bounds it was compiled for, element by
 * element: shared by {@link Circuit} and {@link ClientCircuit}, so that a client encrypting from a bundle checks
 * exactly as the circuit it was made from does.
 */
final class ArgumentBoundsCheck {

    private ArgumentBoundsCheck() {
    }

    /**
     * The values to compute on: the same array when every value is in range (or the check is
     * {@link InputRangeCheck#UNCHECKED}), a clipped copy under {@link InputRangeCheck#CLIP}.
     *
     * @throws InputRangeException under {@link InputRangeCheck#REFUSE}, for the first value out of range
     */
    static long[] apply(InputRangeCheck check, int argument, String name, long[] values, long[] lower,
            long[] upper) {
        if (check == InputRangeCheck.UNCHECKED) {
            return values;
        }
        long[] out = values;
        for (int e = 0; e < values.length; e++) {
            long v = values[e];
            if (v >= lower[e] && v <= upper[e]) {
                continue;
            }
            if (check == InputRangeCheck.REFUSE) {
                throw new InputRangeException(argument, name, e, v, lower[e], upper[e]);
            }
            if (out == values) {
                out = values.clone();
            }
            out[e] = Math.clamp(v, lower[e], upper[e]);
        }
        return out;
    }
}

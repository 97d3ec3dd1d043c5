package org.fheml.tfhe;

/**
 * Two operands of a TFHE operation disagree on a size (dimension, polynomial size, level count, list length).
 * The message names both operands and both values.
 */
public class DimensionMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public DimensionMismatchException(String message) {
        super(message);
    }

    /** Throws when {@code left != right}, naming the size type and both operands. */
    public static void check(String what, String leftName, long left, String rightName, long right) {
        if (left != right) {
            throw new DimensionMismatchException(
                    "Mismatched " + what + ": " + leftName + "=" + left + ", " + rightName + "=" + right);
        }
    }
}

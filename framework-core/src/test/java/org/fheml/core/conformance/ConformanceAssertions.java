package org.fheml.core.conformance;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.fheml.core.InvalidInputException;
import org.junit.jupiter.api.function.Executable;

/** Assertions shared by the classifier and regressor conformance checks. */
final class ConformanceAssertions {

    private ConformanceAssertions() {
    }

    static double[][] deepCopy(double[][] X) {
        return Arrays.stream(X).map(double[]::clone).toArray(double[][]::new);
    }

    /** X with one value replaced. */
    static double[][] with(double[][] X, int row, int column, double value) {
        double[][] copy = deepCopy(X);
        copy[row][column] = value;
        return copy;
    }

    /** X with {@code delta} features per row more (or fewer when negative). */
    static double[][] resized(double[][] X, int delta) {
        return Arrays.stream(X).map(r -> Arrays.copyOf(r, r.length + delta)).toArray(double[][]::new);
    }

    /** X with one row shortened by a value. */
    static double[][] ragged(double[][] X) {
        double[][] copy = deepCopy(X);
        copy[copy.length / 2] = Arrays.copyOf(copy[copy.length / 2], copy[0].length - 1);
        return copy;
    }

    /** The call fails with an {@link InvalidInputException} whose message contains every fragment. */
    static void rejects(Executable call, String... fragments) {
        InvalidInputException error = assertThrows(InvalidInputException.class, call);
        String message = error.getMessage();
        for (String fragment : fragments) {
            assertTrue(message != null && message.contains(fragment),
                    () -> "the message should mention '" + fragment + "' but was: " + message);
        }
    }
}

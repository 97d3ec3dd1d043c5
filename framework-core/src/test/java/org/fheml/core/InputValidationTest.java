package org.fheml.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class InputValidationTest {

    private static String failure(Executable call) {
        return assertThrows(InvalidInputException.class, call).getMessage();
    }

    @Test
    void acceptsARectangularFiniteMatrixAndReturnsItsWidth() {
        assertEquals(3, InputValidation.checkFeatures(new double[][] {{1, 2, 3}, {4, 5, -6}}));
    }

    @Test
    void namesTheRaggedRowAndBothLengths() {
        String message = failure(() -> InputValidation.checkFeatures(new double[][] {{1, 2}, {3, 4}, {5}}));
        assertTrue(message.contains("row 2") && message.contains("has 1") && message.contains("has 2"), message);
    }

    @Test
    void namesTheCellOfANonFiniteValue() {
        String nan = failure(() -> InputValidation.checkFeatures(new double[][] {{1, 2}, {3, Double.NaN}}));
        assertTrue(nan.contains("X[1][1]") && nan.contains("NaN"), nan);
        String inf = failure(() -> InputValidation.checkFeatures(new double[][] {{Double.NEGATIVE_INFINITY, 2}}));
        assertTrue(inf.contains("X[0][0]") && inf.contains("-Infinity"), inf);
    }

    @Test
    void rejectsEmptyAndNullInputs() {
        assertTrue(failure(() -> InputValidation.checkFeatures(null)).contains("null"));
        assertTrue(failure(() -> InputValidation.checkFeatures(new double[0][])).contains("no rows"));
        assertTrue(failure(() -> InputValidation.checkFeatures(new double[][] {{}})).contains("no features"));
        assertTrue(failure(() -> InputValidation.checkFeatures(new double[][] {{1}, null})).contains("row 1 is null"));
    }

    @Test
    void namesBothFeatureCounts() {
        String message = failure(() -> InputValidation.checkFeatures(new double[][] {{1, 2, 3}}, 30));
        assertTrue(message.contains("3 features") && message.contains("fitted on 30"), message);
    }

    @Test
    void labelsMustMatchTheRows() {
        double[][] X = {{1}, {2}, {3}};
        assertEquals(1, InputValidation.checkLabels(X, new int[] {0, 1, 0}));
        String message = failure(() -> InputValidation.checkLabels(X, new int[] {0, 1}));
        assertTrue(message.contains("2 labels") && message.contains("3 rows"), message);
        assertTrue(failure(() -> InputValidation.checkLabels(X, null)).contains("y is null"));
    }

    @Test
    void targetsMustMatchTheRowsAndBeFinite() {
        double[][] X = {{1}, {2}};
        assertEquals(1, InputValidation.checkTargets(X, new double[] {0.5, 1.5}));
        assertTrue(failure(() -> InputValidation.checkTargets(X, new double[] {1})).contains("1 targets"));
        String message = failure(() -> InputValidation.checkTargets(X, new double[] {1, Double.NaN}));
        assertTrue(message.contains("y[1]") && message.contains("NaN"), message);
    }
}

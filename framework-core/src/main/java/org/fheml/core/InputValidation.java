package org.fheml.core;

/**
 * The checks every estimator applies to its input before using it. Each failure is an
 * {@link InvalidInputException} that names the offending row, column or size and says what to change.
 */
public final class InputValidation {

    private InputValidation() {
    }

    /**
     * Checks that {@code X} is a non-empty rectangular matrix of finite values.
     *
     * @return the number of features (columns)
     */
    public static int checkFeatures(double[][] X) {
        if (X == null) {
            throw new InvalidInputException("X is null: pass a double[rows][features] matrix.");
        }
        if (X.length == 0) {
            throw new InvalidInputException("X has no rows: pass at least one row.");
        }
        if (X[0] == null) {
            throw new InvalidInputException("X row 0 is null: every row must be a double[] of features.");
        }
        int features = X[0].length;
        if (features == 0) {
            throw new InvalidInputException("X rows have no features: each row needs at least one value.");
        }
        for (int i = 0; i < X.length; i++) {
            double[] row = X[i];
            if (row == null) {
                throw new InvalidInputException("X row " + i + " is null: every row must be a double[] of features.");
            }
            if (row.length != features) {
                throw new InvalidInputException("X is ragged: row 0 has " + features + " features but row " + i
                        + " has " + row.length + "; every row must have the same number of features.");
            }
            for (int j = 0; j < features; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new InvalidInputException("X[" + i + "][" + j + "] is " + row[j]
                            + ": every value must be finite; remove or impute missing and infinite values first.");
                }
            }
        }
        return features;
    }

    /** {@link #checkFeatures(double[][])}, and that every row has the number of features seen by {@code fit}. */
    public static void checkFeatures(double[][] X, int expectedFeatures) {
        int features = checkFeatures(X);
        if (features != expectedFeatures) {
            throw new InvalidInputException("X has " + features + " features per row, but the estimator was fitted on "
                    + expectedFeatures + ": pass rows with the same features, in the same order, as in fit.");
        }
    }

    /** Checks {@code X} and that {@code y} holds exactly one class label per row; returns the feature count. */
    public static int checkLabels(double[][] X, int[] y) {
        int features = checkFeatures(X);
        if (y == null) {
            throw new InvalidInputException("y is null: pass one class label per row of X.");
        }
        if (y.length != X.length) {
            throw new InvalidInputException("y has " + y.length + " labels but X has " + X.length
                    + " rows: pass one label per row.");
        }
        return features;
    }

    /** Checks {@code X} and that {@code y} holds exactly one finite target per row; returns the feature count. */
    public static int checkTargets(double[][] X, double[] y) {
        int features = checkFeatures(X);
        if (y == null) {
            throw new InvalidInputException("y is null: pass one target value per row of X.");
        }
        if (y.length != X.length) {
            throw new InvalidInputException("y has " + y.length + " targets but X has " + X.length
                    + " rows: pass one target per row.");
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new InvalidInputException("y[" + i + "] is " + y[i] + ": every target must be finite.");
            }
        }
        return features;
    }
}

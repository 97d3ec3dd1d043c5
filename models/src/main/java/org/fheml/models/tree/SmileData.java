package org.fheml.models.tree;

import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;

/** Bridges plain arrays to the DataFrames and Tuples Smile's trees train and predict on. */
final class SmileData {

    static final Formula TARGET = Formula.lhs("y");

    private SmileData() {
    }

    static DataFrame classification(double[][] X, int[] classIndices) {
        return features(X).add(new IntVector("y", classIndices));
    }

    static DataFrame regression(double[][] X, double[] y) {
        return features(X).add(new DoubleVector("y", y));
    }

    /** The rows of X as Tuples a Smile model can predict (with a placeholder target column). */
    static Tuple[] rows(double[][] X) {
        DataFrame frame = regression(X, new double[X.length]);
        Tuple[] rows = new Tuple[X.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = frame.get(i);
        }
        return rows;
    }

    private static DataFrame features(double[][] X) {
        String[] names = new String[X[0].length];
        for (int j = 0; j < names.length; j++) {
            names[j] = "x" + j;
        }
        return DataFrame.of(X, names);
    }
}

package org.fheml.models.linear;

import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.regression.LinearModel;

/** Bridges plain arrays to Smile's DataFrame-based linear regressions and back to a {@link FloatLinearModel}. */
final class SmileFrames {

    static final Formula TARGET = Formula.lhs("y");

    private SmileFrames() {
    }

    static DataFrame frame(double[][] X, double[] y) {
        String[] names = new String[X[0].length];
        for (int j = 0; j < names.length; j++) {
            names[j] = "x" + j;
        }
        return DataFrame.of(X, names).add(new DoubleVector("y", y));
    }

    /**
     * Fits a Smile linear regression on the non-constant columns of X (Smile's penalised regressions refuse
     * constant columns), giving the constant ones a zero weight.
     */
    static FloatLinearModel fitVaryingColumns(double[][] X, double[] y,
            java.util.function.Function<DataFrame, LinearModel> fit) {
        int d = X[0].length;
        int[] varying = java.util.stream.IntStream.range(0, d)
                .filter(j -> java.util.Arrays.stream(X).anyMatch(row -> row[j] != X[0][j])).toArray();
        if (varying.length == 0) {
            return FloatLinearModel.ofVector(new double[d], java.util.Arrays.stream(y).average().orElse(0));
        }
        double[][] kept = java.util.Arrays.stream(X)
                .map(row -> java.util.Arrays.stream(varying).mapToDouble(j -> row[j]).toArray()).toArray(double[][]::new);
        FloatLinearModel fitted = toFloat(fit.apply(frame(kept, y)));
        double[] weights = new double[d];
        for (int i = 0; i < varying.length; i++) {
            weights[varying[i]] = fitted.weights()[i][0];
        }
        return FloatLinearModel.ofVector(weights, fitted.bias()[0]);
    }

    static FloatLinearModel toFloat(LinearModel model) {
        double[] coefficients = new double[model.coefficients().size()];
        for (int j = 0; j < coefficients.length; j++) {
            coefficients[j] = model.coefficients().get(j);
        }
        return FloatLinearModel.ofVector(coefficients, model.intercept());
    }
}

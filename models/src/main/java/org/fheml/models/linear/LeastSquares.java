package org.fheml.models.linear;

import java.util.Optional;

/**
 * Ordinary least squares with an intercept by Householder QR of the centred features, in plain Java arithmetic in
 * a fixed order, so the same data always give bit-identical weights (Smile's OLS calls OpenBLAS on Java heap arrays,
 * whose alignment changes from one allocation to the next and with it the AVX-512 kernels' summation order).
 */
final class LeastSquares {

    /** A column whose remaining norm falls below this fraction of its own norm depends on the columns before it. */
    private static final double RANK_TOLERANCE = 1e-12;

    private LeastSquares() {
    }

    /**
     * The least-squares model, constant columns weighted 0; empty when the non-constant columns are linearly
     * dependent or not fewer than the rows, where the solution is not unique.
     */
    static Optional<FloatLinearModel> fit(double[][] X, double[] y) {
        int n = X.length;
        int d = X[0].length;
        double[] meanX = new double[d];
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanY += y[i];
            for (int j = 0; j < d; j++) {
                meanX[j] += X[i][j];
            }
        }
        meanY /= n;
        int[] varying = java.util.stream.IntStream.range(0, d).filter(j -> !isConstant(X, j)).toArray();
        int k = varying.length;
        if (n <= k + 1) {
            return Optional.empty();
        }
        // Centred columns, reduced in place to R (upper part) while Q'·y accumulates in rhs.
        double[][] a = new double[k][n];
        for (int c = 0; c < k; c++) {
            int j = varying[c];
            meanX[j] /= n;
            for (int i = 0; i < n; i++) {
                a[c][i] = X[i][j] - meanX[j];
            }
        }
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            rhs[i] = y[i] - meanY;
        }
        double[] diagonal = new double[k];
        for (int c = 0; c < k; c++) {
            double[] column = a[c];
            double fullNorm = Math.sqrt(dot(column, column, 0));
            double norm = Math.sqrt(dot(column, column, c));
            if (!(norm > RANK_TOLERANCE * fullNorm)) {
                return Optional.empty();
            }
            double alpha = column[c] > 0 ? -norm : norm;
            column[c] -= alpha;
            double vv = dot(column, column, c);
            for (int later = c + 1; later < k; later++) {
                reflect(column, a[later], c, vv);
            }
            reflect(column, rhs, c, vv);
            diagonal[c] = alpha;
        }
        double[] w = new double[k];
        for (int c = k - 1; c >= 0; c--) {
            double sum = rhs[c];
            for (int later = c + 1; later < k; later++) {
                sum -= a[later][c] * w[later];
            }
            w[c] = sum / diagonal[c];
        }
        double[] weights = new double[d];
        double bias = meanY;
        for (int c = 0; c < k; c++) {
            weights[varying[c]] = w[c];
            bias -= w[c] * meanX[varying[c]];
        }
        return Optional.of(FloatLinearModel.ofVector(weights, bias));
    }

    /** target := (I − 2·v·v'/(v'·v))·target on rows from..n−1, v being rows from..n−1 of the reflector. */
    private static void reflect(double[] v, double[] target, int from, double vv) {
        double factor = 2 * dot(v, target, from) / vv;
        for (int i = from; i < target.length; i++) {
            target[i] -= factor * v[i];
        }
    }

    private static boolean isConstant(double[][] X, int j) {
        for (double[] row : X) {
            if (row[j] != X[0][j]) {
                return false;
            }
        }
        return true;
    }

    private static double dot(double[] a, double[] b, int from) {
        double sum = 0;
        for (int i = from; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}

package org.fheml.models.linear;

/**
 * Fits scikit-learn's elastic-net objective (1/2n)·‖y − Xw − b‖² + alpha·l1Ratio·‖w‖₁ + ½·alpha·(1 − l1Ratio)·‖w‖²
 * (Lasso is l1Ratio 1) the way scikit-learn does: cyclic coordinate descent on centred data, the intercept
 * unpenalised, stopping when the largest weight change is small relative to the largest weight and the duality gap
 * is below tol·‖y − ȳ‖² (tol 1e-4, at most 1000 sweeps).
 *
 * <p>Plain Java arithmetic in a fixed order, so the same data always give bit-identical weights. Smile's LASSO and
 * ElasticNet, used before, call OpenBLAS on Java heap arrays whose address alignment changes with every allocation;
 * OpenBLAS's AVX-512 kernels sum in an alignment-dependent order, so their weights changed in the last bits from
 * one fit to the next.
 */
final class CoordinateDescent {

    private static final double TOLERANCE = 1e-4;
    private static final int MAX_SWEEPS = 1000;

    private CoordinateDescent() {
    }

    static FloatLinearModel fit(double[][] X, double[] y, double alpha, double l1Ratio) {
        int n = X.length;
        int d = X[0].length;
        double l1 = alpha * l1Ratio * n;
        double l2 = alpha * (1 - l1Ratio) * n;

        double[] meanX = new double[d];
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanY += y[i];
            for (int j = 0; j < d; j++) {
                meanX[j] += X[i][j];
            }
        }
        meanY /= n;
        // Columns of the centred X, contiguous for the sweeps; a constant column stays all zero and its weight 0.
        double[][] columns = new double[d][n];
        double[] squaredNorms = new double[d];
        for (int j = 0; j < d; j++) {
            meanX[j] /= n;
            if (isConstant(X, j)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                columns[j][i] = X[i][j] - meanX[j];
                squaredNorms[j] += columns[j][i] * columns[j][i];
            }
        }
        double[] centredY = new double[n];
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            centredY[i] = y[i] - meanY;
            residual[i] = centredY[i];
        }
        double gapTolerance = TOLERANCE * dot(centredY, centredY);

        double[] w = new double[d];
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double maxWeight = 0;
            double maxChange = 0;
            for (int j = 0; j < d; j++) {
                if (squaredNorms[j] == 0) {
                    continue;
                }
                double old = w[j];
                double rho = dot(columns[j], residual) + old * squaredNorms[j];
                double updated = Math.signum(rho) * Math.max(Math.abs(rho) - l1, 0) / (squaredNorms[j] + l2);
                if (updated != old) {
                    double change = updated - old;
                    double[] column = columns[j];
                    for (int i = 0; i < n; i++) {
                        residual[i] -= change * column[i];
                    }
                    w[j] = updated;
                }
                maxChange = Math.max(maxChange, Math.abs(updated - old));
                maxWeight = Math.max(maxWeight, Math.abs(updated));
            }
            boolean small = maxWeight == 0 || maxChange / maxWeight < TOLERANCE;
            if ((small || sweep == MAX_SWEEPS - 1) && dualityGap(columns, centredY, residual, w, l1, l2) <= gapTolerance) {
                break;
            }
        }

        double bias = meanY;
        for (int j = 0; j < d; j++) {
            bias -= w[j] * meanX[j];
        }
        return FloatLinearModel.ofVector(w, bias);
    }

    /** The duality gap of ½‖r‖² + l1·‖w‖₁ + ½·l2·‖w‖² at w (scikit-learn's enet_coordinate_descent). */
    private static double dualityGap(double[][] columns, double[] y, double[] residual, double[] w, double l1,
            double l2) {
        double dualNorm = 0;
        for (int j = 0; j < w.length; j++) {
            dualNorm = Math.max(dualNorm, Math.abs(dot(columns[j], residual) - l2 * w[j]));
        }
        double residualNorm2 = dot(residual, residual);
        double scale = dualNorm > l1 ? l1 / dualNorm : 1;
        double gap = 0.5 * residualNorm2 * (1 + scale * scale);
        double l1Norm = 0;
        for (double v : w) {
            l1Norm += Math.abs(v);
        }
        return gap + l1 * l1Norm - scale * dot(residual, y) + 0.5 * l2 * (1 + scale * scale) * dot(w, w);
    }

    private static boolean isConstant(double[][] X, int j) {
        for (double[] row : X) {
            if (row[j] != X[0][j]) {
                return false;
            }
        }
        return true;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}

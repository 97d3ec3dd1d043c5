package org.fheml.models.linear;

/**
 * The data owner's preparation of its data for encrypted training, done in the clear before encryption:
 * standardize, project on the first k principal components (fewer encrypted products per row: each costs two
 * bootstraps), scale each component to unit variance and quantize it to [−3, 3] (clipped at 2 σ). It also maps
 * the weights learned on those features back to a linear model on the raw features.
 */
final class TrainingEncoder {

    private final Standardization standardization;
    /** [features][components]: the principal directions, each divided by its component's standard deviation. */
    private final double[][] projection;

    private TrainingEncoder(Standardization standardization, double[][] projection) {
        this.standardization = standardization;
        this.projection = projection;
    }

    static TrainingEncoder fit(double[][] X, int components) {
        Standardization standardization = Standardization.of(X);
        double[][] Z = standardization.apply(X);
        int d = Z[0].length;
        int k = Math.min(components, d);
        double[][] covariance = new double[d][d];
        for (double[] row : Z) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    covariance[a][b] += row[a] * row[b] / Z.length;
                }
            }
        }
        double[][] projection = new double[d][k];
        for (int c = 0; c < k; c++) {
            double[] v = powerIteration(covariance, c);
            double eigenvalue = quadratic(covariance, v);
            double scale = eigenvalue > 1e-12 ? Math.sqrt(eigenvalue) : 1.0;
            for (int a = 0; a < d; a++) {
                projection[a][c] = v[a] / scale;
                for (int b = 0; b < d; b++) {
                    covariance[a][b] -= eigenvalue * v[a] * v[b];
                }
            }
        }
        return new TrainingEncoder(standardization, projection);
    }

    /** The leading eigenvector of a symmetric positive semi-definite matrix, started deterministically. */
    private static double[] powerIteration(double[][] m, int start) {
        int d = m.length;
        double[] v = new double[d];
        for (int a = 0; a < d; a++) {
            v[a] = 1.0 + 0.01 * ((a + start) % 7);
        }
        normalize(v);
        for (int iteration = 0; iteration < 500; iteration++) {
            double[] next = new double[d];
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    next[a] += m[a][b] * v[b];
                }
            }
            if (normalize(next) < 1e-15) {
                return v;
            }
            v = next;
        }
        return v;
    }

    private static double normalize(double[] v) {
        double norm = 0;
        for (double value : v) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int a = 0; a < v.length; a++) {
                v[a] /= norm;
            }
        }
        return norm;
    }

    private static double quadratic(double[][] m, double[] v) {
        double out = 0;
        for (int a = 0; a < v.length; a++) {
            for (int b = 0; b < v.length; b++) {
                out += v[a] * m[a][b] * v[b];
            }
        }
        return out;
    }

    int components() {
        return projection[0].length;
    }

    /** The whitened components of each row, before quantization. */
    double[][] transform(double[][] X) {
        double[][] Z = standardization.apply(X);
        double[][] out = new double[Z.length][components()];
        for (int i = 0; i < Z.length; i++) {
            for (int a = 0; a < Z[i].length; a++) {
                for (int c = 0; c < components(); c++) {
                    out[i][c] += Z[i][a] * projection[a][c];
                }
            }
        }
        return out;
    }

    /** The rows quantized for encryption: round(component / INPUT_SCALE), clipped to [−3, 3]. */
    long[][] quantize(double[][] X) {
        double[][] T = transform(X);
        long[][] out = new long[T.length][T[0].length];
        for (int i = 0; i < T.length; i++) {
            for (int c = 0; c < T[i].length; c++) {
                long q = Math.round(T[i][c] / EncryptedSgdProgram.INPUT_SCALE);
                out[i][c] = Math.max(-EncryptedSgdProgram.FEATURE_MAX, Math.min(EncryptedSgdProgram.FEATURE_MAX, q));
            }
        }
        return out;
    }

    /**
     * The raw-feature model of integer weights (k weights, then the bias) in units of {@code weightScale}: a score
     * is weightScale · (Σ_c w_c · component_c + INPUT_SCALE · w_bias).
     */
    FloatLinearModel toRaw(long[] w, double weightScale) {
        int k = components();
        int d = projection.length;
        double[] standardized = new double[d];
        for (int a = 0; a < d; a++) {
            for (int c = 0; c < k; c++) {
                standardized[a] += projection[a][c] * w[c] * weightScale;
            }
        }
        double bias = w[k] * weightScale * EncryptedSgdProgram.INPUT_SCALE;
        return standardization.toRaw(FloatLinearModel.ofVector(standardized, bias));
    }
}

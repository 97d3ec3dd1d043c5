package org.fheml.cli;

/** Centres and scales each feature by the mean and standard deviation of the rows it was fitted on. */
record Standardizer(double[] mean, double[] scale) {

    static Standardizer fit(double[][] X) {
        int features = X[0].length;
        double[] mean = new double[features];
        double[] scale = new double[features];
        for (double[] row : X) {
            for (int j = 0; j < features; j++) {
                mean[j] += row[j] / X.length;
            }
        }
        for (double[] row : X) {
            for (int j = 0; j < features; j++) {
                double d = row[j] - mean[j];
                scale[j] += d * d / X.length;
            }
        }
        for (int j = 0; j < features; j++) {
            scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    double[][] apply(double[][] X) {
        double[][] out = new double[X.length][];
        for (int i = 0; i < X.length; i++) {
            out[i] = new double[X[i].length];
            for (int j = 0; j < X[i].length; j++) {
                out[i][j] = (X[i][j] - mean[j]) / scale[j];
            }
        }
        return out;
    }
}

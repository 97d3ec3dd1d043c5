package org.fheml.core.conformance;

import java.util.SplittableRandom;

/**
 * Small deterministic data sets the conformance checks train on: well separated Gaussian blobs with labels that
 * are deliberately not 0..k-1, and a noisy linear regression target.
 */
public final class ConformanceData {

    /** Features and class labels. */
    public record Labeled(double[][] X, int[] y) {
    }

    /** Features and regression targets. */
    public record Targets(double[][] X, double[] y) {
    }

    private ConformanceData() {
    }

    /** 60 rows, 4 features, labels 7 (36 rows) and 3 (24 rows): labels that are neither 0..k-1 nor sorted. */
    public static Labeled binary() {
        return blobs(new int[] {7, 3}, new int[] {36, 24}, 4, 11);
    }

    /** 90 rows, 6 features, labels 0, 1, 2 with 30 rows each. */
    public static Labeled multiclass() {
        return blobs(new int[] {0, 1, 2}, new int[] {30, 30, 30}, 6, 12);
    }

    /** 80 rows, 5 features, y = 20 + 3·x0 − 2·x2 plus small noise: positive, so that every GLM can fit it. */
    public static Targets regression() {
        SplittableRandom random = new SplittableRandom(13);
        double[][] X = new double[80][5];
        double[] y = new double[80];
        for (int i = 0; i < X.length; i++) {
            for (int j = 0; j < 5; j++) {
                X[i][j] = random.nextDouble(-2, 2);
            }
            y[i] = 20 + 3 * X[i][0] - 2 * X[i][2] + 0.05 * gaussian(random);
        }
        return new Targets(X, y);
    }

    private static Labeled blobs(int[] labels, int[] counts, int features, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int rows = 0;
        for (int count : counts) {
            rows += count;
        }
        double[][] centers = new double[labels.length][features];
        for (int c = 0; c < labels.length; c++) {
            for (int j = 0; j < features; j++) {
                centers[c][j] = 4.0 * c * (j % 2 == 0 ? 1 : -1) + j;
            }
        }
        int[] classIndex = new int[rows];
        int next = 0;
        for (int c = 0; c < counts.length; c++) {
            for (int t = 0; t < counts[c]; t++) {
                classIndex[next++] = c;
            }
        }
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = classIndex[i];
            classIndex[i] = classIndex[j];
            classIndex[j] = swap;
        }
        double[][] X = new double[rows][features];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = labels[classIndex[i]];
            for (int j = 0; j < features; j++) {
                X[i][j] = centers[classIndex[i]][j] + 0.7 * gaussian(random);
            }
        }
        return new Labeled(X, y);
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }
}

package org.fheml.models.neighbors;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Prototype reduction for k-NN on encrypted data: k-means centroids (k-means++ seeding, Lloyd iterations, the best
 * of a few seeded restarts), so that the circuit compares a query with a few reference points instead of every
 * training row. Deterministic for a given seed.
 */
final class Prototypes {

    private static final int RESTARTS = 4;
    private static final int ITERATIONS = 100;

    private Prototypes() {
    }

    /** The rows' assignment to {@code m} k-means centroids: cluster index per row (m ≤ rows). */
    static int[] cluster(double[][] rows, int m, long seed) {
        int[] best = null;
        double bestInertia = Double.POSITIVE_INFINITY;
        SplittableRandom random = new SplittableRandom(seed);
        for (int restart = 0; restart < RESTARTS; restart++) {
            double[][] centroids = seedPlusPlus(rows, m, random.split());
            int[] assignment = new int[rows.length];
            for (int it = 0; it < ITERATIONS; it++) {
                boolean changed = assign(rows, centroids, assignment) || it == 0;
                centroids = means(rows, assignment, m, centroids);
                if (!changed) {
                    break;
                }
            }
            assign(rows, centroids, assignment);
            double inertia = 0;
            for (int r = 0; r < rows.length; r++) {
                inertia += distance(rows[r], centroids[assignment[r]]);
            }
            if (inertia < bestInertia) {
                bestInertia = inertia;
                best = assignment;
            }
        }
        return best;
    }

    /** The mean of each cluster's rows. */
    static double[][] centroids(double[][] rows, int[] assignment, int m) {
        return means(rows, assignment, m, new double[m][rows[0].length]);
    }

    private static double[][] seedPlusPlus(double[][] rows, int m, SplittableRandom random) {
        double[][] centroids = new double[m][];
        centroids[0] = rows[random.nextInt(rows.length)].clone();
        double[] nearest = new double[rows.length];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c = 1; c < m; c++) {
            double total = 0;
            for (int r = 0; r < rows.length; r++) {
                nearest[r] = Math.min(nearest[r], distance(rows[r], centroids[c - 1]));
                total += nearest[r];
            }
            int pick = random.nextInt(rows.length);
            if (total > 0) {
                double target = random.nextDouble() * total;
                for (int r = 0; r < rows.length; r++) {
                    target -= nearest[r];
                    if (target <= 0) {
                        pick = r;
                        break;
                    }
                }
            }
            centroids[c] = rows[pick].clone();
        }
        return centroids;
    }

    private static boolean assign(double[][] rows, double[][] centroids, int[] assignment) {
        boolean changed = false;
        for (int r = 0; r < rows.length; r++) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centroids.length; c++) {
                double d = distance(rows[r], centroids[c]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            changed |= assignment[r] != best;
            assignment[r] = best;
        }
        return changed;
    }

    /** Cluster means; an empty cluster keeps its previous centroid. */
    private static double[][] means(double[][] rows, int[] assignment, int m, double[][] previous) {
        int features = rows[0].length;
        double[][] sums = new double[m][features];
        int[] counts = new int[m];
        for (int r = 0; r < rows.length; r++) {
            counts[assignment[r]]++;
            for (int f = 0; f < features; f++) {
                sums[assignment[r]][f] += rows[r][f];
            }
        }
        for (int c = 0; c < m; c++) {
            if (counts[c] == 0) {
                sums[c] = previous[c].clone();
            } else {
                for (int f = 0; f < features; f++) {
                    sums[c][f] /= counts[c];
                }
            }
        }
        return sums;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int f = 0; f < a.length; f++) {
            double d = a[f] - b[f];
            s += d * d;
        }
        return s;
    }
}

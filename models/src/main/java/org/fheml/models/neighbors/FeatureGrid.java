package org.fheml.models.neighbors;

import java.util.Arrays;
import org.fheml.models.deploy.InputEncoding;

/**
 * How k-NN puts features on integers: each feature's range, from its {@value #TAIL} to its 1 − {@value #TAIL}
 * quantile on the training data, is mapped onto 0..2^n − 1 (values outside are clipped), and reference points sit
 * on a grid {@code pointScale} times finer. The float reference scales features by their training min and max.
 */
final class FeatureGrid {

    /**
     * Ranges span the 2 % to 98 % quantiles: with 3 input bits a min-max range spends levels on outliers (breast
     * cancer, all training rows: 96.0 % at min-max, 96.7 % at 2 %, mean of 5 splits).
     */
    static final double TAIL = 0.02;

    private final double[] low;
    private final double[] width;
    private final double[] minimum;
    private final double[] span;
    private final long levels;
    /** The input quantization, shared with a saved model's client so that both compute it alike. */
    private final InputEncoding.Grid encoding;

    private FeatureGrid(double[] low, double[] width, double[] minimum, double[] span, long levels) {
        this.low = low;
        this.width = width;
        this.minimum = minimum;
        this.span = span;
        this.levels = levels;
        this.encoding = new InputEncoding.Grid(low, width, levels);
    }

    static FeatureGrid fit(double[][] X, int nBits) {
        int features = X[0].length;
        double[] low = new double[features];
        double[] width = new double[features];
        double[] minimum = new double[features];
        double[] span = new double[features];
        for (int f = 0; f < features; f++) {
            final int column = f;
            double[] values = Arrays.stream(X).mapToDouble(r -> r[column]).sorted().toArray();
            low[f] = quantile(values, TAIL);
            double high = quantile(values, 1 - TAIL);
            width[f] = high > low[f] ? high - low[f] : 1.0;
            minimum[f] = values[0];
            span[f] = values[values.length - 1] > values[0] ? values[values.length - 1] - values[0] : 1.0;
        }
        return new FeatureGrid(low, width, minimum, span, (1L << nBits) - 1);
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** The largest integer of a feature. */
    long levels() {
        return levels;
    }

    /** A row on the input grid, 0..levels per feature. */
    long[] quantize(double[] x) {
        return encoding.encode(x);
    }

    /** {@link #quantize} as a saved model's client computes it. */
    InputEncoding.Grid clientEncoding() {
        return encoding;
    }

    /** A reference point on the grid {@code pointScale} times finer, 0..pointScale·levels per feature. */
    long[] quantizePoint(double[] x, int pointScale) {
        long[] q = new long[x.length];
        for (int f = 0; f < q.length; f++) {
            q[f] = Math.max(0, Math.min(pointScale * levels, Math.round(Math.rint(pointScale * position(x[f], f)))));
        }
        return q;
    }

    private double position(double value, int f) {
        return (value - low[f]) / width[f] * levels;
    }

    /** A row with each feature's quantile range mapped onto [0, 1] (not clipped): where prototypes are found. */
    double[] unit(double[] x) {
        double[] u = new double[x.length];
        for (int f = 0; f < u.length; f++) {
            u[f] = (x[f] - low[f]) / width[f];
        }
        return u;
    }

    /** The inverse of {@link #unit}. */
    double[] fromUnit(double[] u) {
        double[] x = new double[u.length];
        for (int f = 0; f < x.length; f++) {
            x[f] = low[f] + u[f] * width[f];
        }
        return x;
    }

    /** A row scaled by the training minimum and maximum of each feature: the float k-NN's space. */
    double[] minMax(double[] x) {
        double[] s = new double[x.length];
        for (int f = 0; f < s.length; f++) {
            s[f] = (x[f] - minimum[f]) / span[f];
        }
        return s;
    }
}

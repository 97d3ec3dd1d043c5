package org.fheml.models.deploy;

import org.fheml.quantization.FeatureQuantizer;

/**
 * How a client turns one row of doubles into the circuit's argument: the model's per-feature quantizers, then,
 * for tree models encrypted as thermometer codes, the code of each quantized feature; the networks' min-max scaled
 * quantizer; or k-NN's clipped grid.
 */
public sealed interface InputEncoding {

    /** The features a row must have. */
    int featureCount();

    /** The circuit's argument for one row of {@link #featureCount()} doubles. */
    long[] encode(double[] row);

    /** The quantized features themselves. */
    record Quantized(FeatureQuantizer quantizer) implements InputEncoding {

        @Override
        public int featureCount() {
            return quantizer.features();
        }

        @Override
        public long[] encode(double[] row) {
            return quantizer.quantize(row);
        }
    }

    /**
     * The thermometer code of the quantized features: feature f of n bits (0..2^n − 1) becomes the 2^n − 1 bits
     * [q_f ≥ v], v = 1..2^n − 1, at positions f·(2^n − 1) + v − 1.
     */
    record Thermometer(FeatureQuantizer quantizer, int bits) implements InputEncoding {

        /** As the tree models allow it. */
        static final int MAX_BITS = 10;

        public Thermometer {
            if (bits < 1 || bits > MAX_BITS) {
                throw new IllegalArgumentException("A thermometer code takes 1.." + MAX_BITS + " bits, got " + bits
                        + ".");
            }
        }

        @Override
        public int featureCount() {
            return quantizer.features();
        }

        @Override
        public long[] encode(double[] row) {
            long[] q = quantizer.quantize(row);
            int levels = (1 << bits) - 1;
            long[] out = new long[q.length * levels];
            for (int f = 0; f < q.length; f++) {
                long value = Math.max(0, Math.min(levels, q[f]));
                for (int v = 1; v <= value; v++) {
                    out[f * levels + v - 1] = 1;
                }
            }
            return out;
        }
    }

    /**
     * Each feature mapped onto [0, 1] by the training range, u = (x − low) / (high − low) (0 for a constant
     * feature), then quantized with one quantizer, q = clip(rint(u / scale) + zeroPoint): the networks' client.
     */
    record ScaledQuantized(double[] low, double[] high, double scale, long zeroPoint, long minInteger,
            long maxInteger) implements InputEncoding {

        public ScaledQuantized {
            if (low.length != high.length || low.length == 0) {
                throw new IllegalArgumentException("A scaled encoding needs one low and one high per feature, got "
                        + low.length + " and " + high.length + ".");
            }
            if (!(scale > 0) || Double.isInfinite(scale) || minInteger > maxInteger) {
                throw new IllegalArgumentException("A scaled encoding needs a positive finite scale and an integer "
                        + "range, got scale " + scale + " and " + minInteger + ".." + maxInteger + ".");
            }
            low = low.clone();
            high = high.clone();
        }

        @Override
        public double[] low() {
            return low.clone();
        }

        @Override
        public double[] high() {
            return high.clone();
        }

        @Override
        public int featureCount() {
            return low.length;
        }

        @Override
        public long[] encode(double[] row) {
            long[] q = new long[low.length];
            for (int j = 0; j < q.length; j++) {
                double width = high[j] - low[j];
                double u = width > 0 ? (row[j] - low[j]) / width : 0;
                double value = Math.rint(u / scale) + zeroPoint;
                q[j] = (long) Math.max(minInteger, Math.min(maxInteger, value));
            }
            return q;
        }
    }
    /**
     * Each feature's range [low, low + width] mapped onto 0..levels, rounded to the nearest integer and clipped:
     * q = clip(rint((x − low) / width · levels), 0, levels) (k-nearest neighbours).
     */
    record Grid(double[] low, double[] width, long levels) implements InputEncoding {

        /** The most levels a grid may have (k-NN inputs take at most 8 bits). */
        static final int MAX_LEVELS = (1 << 24) - 1;

        public Grid {
            if (low.length != width.length || low.length == 0) {
                throw new IllegalArgumentException("A grid encoding needs one low and one width per feature, got "
                        + low.length + " and " + width.length + ".");
            }
            if (levels < 1 || levels > MAX_LEVELS) {
                throw new IllegalArgumentException("A grid encoding takes 1.." + MAX_LEVELS + " levels, got " + levels
                        + ".");
            }
            for (int f = 0; f < low.length; f++) {
                if (!Double.isFinite(low[f]) || !(width[f] > 0) || Double.isInfinite(width[f])) {
                    throw new IllegalArgumentException("Feature " + f + " of a grid encoding needs a finite low and a "
                            + "positive finite width, got " + low[f] + " and " + width[f] + ".");
                }
            }
            low = low.clone();
            width = width.clone();
        }

        @Override
        public double[] low() {
            return low.clone();
        }

        @Override
        public double[] width() {
            return width.clone();
        }

        @Override
        public int featureCount() {
            return low.length;
        }

        @Override
        public long[] encode(double[] row) {
            long[] q = new long[low.length];
            for (int f = 0; f < q.length; f++) {
                q[f] = Math.max(0, Math.min(levels, Math.round(Math.rint((row[f] - low[f]) / width[f] * levels))));
            }
            return q;
        }
    }
}

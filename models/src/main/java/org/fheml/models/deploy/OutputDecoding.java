package org.fheml.models.deploy;


/**
 * How a client turns the circuit's decrypted integers into the model's real outputs (scores before any link), or,
 * for circuits that take the argmax themselves, into a class index.
 */
public sealed interface OutputDecoding {

    /** Integers the circuit returns per row. */
    int resultCount();

    /** Per element: {@code real = scale · (q − zeroPoint)} (linear models, networks, ONNX graphs). */
    record Affine(double[] scales, long[] zeroPoints) implements OutputDecoding {

        public Affine {
            if (scales.length != zeroPoints.length || scales.length == 0) {
                throw new IllegalArgumentException("An affine decoding needs as many scales as zero points, at least "
                        + "one; got " + scales.length + " and " + zeroPoints.length + ".");
            }
            scales = scales.clone();
            zeroPoints = zeroPoints.clone();
        }

        @Override
        public double[] scales() {
            return scales.clone();
        }

        @Override
        public long[] zeroPoints() {
            return zeroPoints.clone();
        }

        @Override
        public int resultCount() {
            return scales.length;
        }

        /** The real outputs of one row. */
        public double[] decode(long[] q) {
            double[] out = new double[q.length];
            for (int e = 0; e < out.length; e++) {
                out[e] = scales[e] * (q[e] - zeroPoints[e]);
            }
            return out;
        }
    }

    /**
     * Tree ensembles: result i is added to score {@code columns[i]}, then
     * {@code score[c] = base[c] + scale · (sum[c] − zeroPoint)} (the leaves' quantizer).
     */
    record Summed(int[] columns, double scale, long zeroPoint, double[] base) implements OutputDecoding {

        public Summed {
            for (int column : columns) {
                if (column < 0 || column >= base.length) {
                    throw new IllegalArgumentException("Result column " + column + " is outside the " + base.length
                            + " scores.");
                }
            }
            if (columns.length == 0) {
                throw new IllegalArgumentException("A summed decoding needs at least one result.");
            }
            columns = columns.clone();
            base = base.clone();
        }

        @Override
        public int[] columns() {
            return columns.clone();
        }

        @Override
        public double[] base() {
            return base.clone();
        }

        @Override
        public int resultCount() {
            return columns.length;
        }

        /** The scores of one row. */
        public double[] decode(long[] q) {
            long[] sums = new long[base.length];
            for (int i = 0; i < q.length; i++) {
                sums[columns[i]] += q[i];
            }
            double[] scores = new double[base.length];
            for (int c = 0; c < scores.length; c++) {
                scores[c] = base[c] + scale * (sums[c] - zeroPoint);
            }
            return scores;
        }
    }

    /** The circuit returns the index of the predicted class (an in-circuit argmax): no scores. */
    record ClassIndex() implements OutputDecoding {

        @Override
        public int resultCount() {
            return 1;
        }
    }
}

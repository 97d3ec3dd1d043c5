package org.fheml.models.deploy;

import org.fheml.compilation.BundleReader;
import org.fheml.compilation.BundleWriter;

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

    // ---- serialization --------------------------------------------------------------------------------------------

    /** The most results a bundle may declare per row. */
    int MAX_RESULTS = 1 << 24;

    static void write(BundleWriter out, OutputDecoding decoding) {
        switch (decoding) {
            case Affine affine -> {
                out.writeByte(0).writeSize(affine.scales.length);
                out.writeDoubles(affine.scales).writeLongs(affine.zeroPoints);
            }
            case Summed summed -> {
                out.writeByte(1).writeSize(summed.base.length).writeDoubles(summed.base);
                out.writeSize(summed.columns.length);
                for (int column : summed.columns) {
                    out.writeInt(column);
                }
                out.writeDouble(summed.scale).writeLong(summed.zeroPoint);
            }
            case ClassIndex index -> out.writeByte(2);
        }
    }

    static OutputDecoding read(BundleReader in) {
        int kind = in.readUnsignedByte();
        switch (kind) {
            case 0 -> {
                int count = in.readSize(MAX_RESULTS, 16, "result count");
                double[] scales = new double[count];
                in.readDoubles(scales, "scales");
                long[] zeroPoints = in.readLongs(count, "zero points");
                for (double scale : scales) {
                    if (!Double.isFinite(scale)) {
                        throw in.error("has an output scale " + scale + ": it is damaged.");
                    }
                }
                return new Affine(scales, zeroPoints);
            }
            case 1 -> {
                int scores = in.readSize(MAX_RESULTS, 8, "score count");
                double[] base = new double[scores];
                in.readDoubles(base, "score base");
                int count = in.readSize(MAX_RESULTS, 4, "result count");
                int[] columns = new int[count];
                for (int i = 0; i < count; i++) {
                    columns[i] = in.readInt(0, scores - 1, "score column");
                }
                double scale = in.readDouble();
                if (!Double.isFinite(scale)) {
                    throw in.error("has a leaf scale " + scale + ": it is damaged.");
                }
                return new Summed(columns, scale, in.readLong(), base);
            }
            case 2 -> {
                return new ClassIndex();
            }
            default -> throw in.error("has an unknown output decoding " + kind + ": it is damaged or newer than this "
                    + "fheml.");
        }
    }
}

package org.fheml.models.deploy;

import org.fheml.quantization.FeatureQuantizer;
import org.fheml.quantization.QuantizationOptions;
import org.fheml.quantization.UniformQuantizer;
import org.fheml.compilation.BundleReader;
import org.fheml.compilation.BundleWriter;

/**
 * How a client turns one row of doubles into the circuit's argument: the model's per-feature quantizers, then,
 * for tree models encrypted as thermometer codes, the code of each quantized feature.
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

    // ---- serialization --------------------------------------------------------------------------------------------

    /** The most features a bundle may declare. */
    int MAX_FEATURES = 1 << 24;

    static void write(BundleWriter out, InputEncoding encoding) {
        switch (encoding) {
            case Quantized quantized -> {
                out.writeByte(0);
                writeQuantizer(out, quantized.quantizer());
            }
            case Thermometer thermometer -> {
                out.writeByte(1);
                writeQuantizer(out, thermometer.quantizer());
                out.writeInt(thermometer.bits());
            }
            case ScaledQuantized scaled -> {
                out.writeByte(2).writeSize(scaled.low.length).writeDoubles(scaled.low).writeDoubles(scaled.high);
                out.writeDouble(scaled.scale).writeLong(scaled.zeroPoint).writeLong(scaled.minInteger)
                        .writeLong(scaled.maxInteger);
            }
        }
    }

    static InputEncoding read(BundleReader in) {
        int kind = in.readUnsignedByte();
        return switch (kind) {
            case 0 -> new Quantized(readQuantizer(in));
            case 1 -> new Thermometer(readQuantizer(in), in.readInt(1, Thermometer.MAX_BITS, "thermometer bits"));
            case 2 -> {
                int features = in.readSize(MAX_FEATURES, 16, "feature count");
                double[] low = new double[features];
                double[] high = new double[features];
                in.readDoubles(low, "feature lows");
                in.readDoubles(high, "feature highs");
                yield new ScaledQuantized(low, high, in.readDouble(), in.readLong(), in.readLong(), in.readLong());
            }
            default -> throw in.error("has an unknown input encoding " + kind + ": it is damaged or newer than this "
                    + "fheml.");
        };
    }

    private static void writeQuantizer(BundleWriter out, FeatureQuantizer quantizer) {
        out.writeSize(quantizer.features());
        for (int j = 0; j < quantizer.features(); j++) {
            UniformQuantizer q = quantizer.quantizer(j);
            QuantizationOptions options = q.options();
            out.writeInt(options.nBits()).writeBoolean(options.signed()).writeBoolean(options.symmetric())
                    .writeBoolean(options.narrowRange()).writeDouble(q.scale()).writeLong(q.zeroPoint());
        }
    }

    private static FeatureQuantizer readQuantizer(BundleReader in) {
        int features = in.readSize(MAX_FEATURES, 23, "feature count");
        if (features == 0) {
            throw in.error("has an input quantizer of no feature: it is damaged.");
        }
        UniformQuantizer[] quantizers = new UniformQuantizer[features];
        for (int j = 0; j < features; j++) {
            QuantizationOptions options = new QuantizationOptions(in.readInt(1, 24, "quantizer bits"),
                    in.readBoolean("signed flag"), in.readBoolean("symmetric flag"), in.readBoolean("narrow flag"));
            quantizers[j] = new UniformQuantizer(options, in.readDouble(), in.readLong());
        }
        return FeatureQuantizer.of(quantizers);
    }
}

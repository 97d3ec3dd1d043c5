package org.fheml.models.deploy;

import org.fheml.compilation.BundleReader;
import org.fheml.compilation.BundleWriter;
import org.fheml.quantization.FeatureQuantizer;
import org.fheml.quantization.QuantizationOptions;
import org.fheml.quantization.UniformQuantizer;

/**
 * The byte layout of a client bundle's parts: a kind byte, then each record's fields, every count bounded and every
 * value checked when read, so that a damaged bundle fails with the container's typed error.
 */
final class ClientBundleCodec {

    private ClientBundleCodec() {
    }

    // ---- InputEncoding --------------------------------------------------------------------------------------------

    /** The most features a bundle may declare. */
    private static final int MAX_FEATURES = 1 << 24;

    static void write(BundleWriter out, InputEncoding encoding) {
        switch (encoding) {
            case InputEncoding.Quantized quantized -> {
                out.writeByte(0);
                writeQuantizer(out, quantized.quantizer());
            }
            case InputEncoding.Thermometer thermometer -> {
                out.writeByte(1);
                writeQuantizer(out, thermometer.quantizer());
                out.writeInt(thermometer.bits());
            }
            case InputEncoding.ScaledQuantized scaled -> {
                out.writeByte(2).writeSize(scaled.low().length).writeDoubles(scaled.low()).writeDoubles(scaled.high());
                out.writeDouble(scaled.scale()).writeLong(scaled.zeroPoint()).writeLong(scaled.minInteger())
                        .writeLong(scaled.maxInteger());
            }
            case InputEncoding.Grid grid -> {
                out.writeByte(3).writeSize(grid.low().length).writeDoubles(grid.low()).writeDoubles(grid.width());
                out.writeInt((int) grid.levels());
            }
        }
    }

    static InputEncoding readInputEncoding(BundleReader in) {
        int kind = in.readUnsignedByte();
        return switch (kind) {
            case 0 -> new InputEncoding.Quantized(readQuantizer(in));
            case 1 -> new InputEncoding.Thermometer(readQuantizer(in), in.readInt(1, InputEncoding.Thermometer.MAX_BITS, "thermometer bits"));
            case 2 -> {
                int features = in.readSize(MAX_FEATURES, 16, "feature count");
                double[] low = new double[features];
                double[] high = new double[features];
                in.readDoubles(low, "feature lows");
                in.readDoubles(high, "feature highs");
                yield new InputEncoding.ScaledQuantized(low, high, in.readDouble(), in.readLong(), in.readLong(), in.readLong());
            }
            case 3 -> {
                int features = in.readSize(MAX_FEATURES, 16, "feature count");
                double[] low = new double[features];
                if (features == 0) {
                    throw in.error("has a grid encoding of no feature: it is damaged.");
                }
                double[] width = new double[features];
                in.readDoubles(low, "feature lows");
                in.readDoubles(width, "feature widths");
                for (int f = 0; f < features; f++) {
                    if (!Double.isFinite(low[f]) || !(width[f] > 0) || Double.isInfinite(width[f])) {
                        throw in.error("has a grid feature " + f + " of low " + low[f] + " and width " + width[f]
                                + ": it is damaged.");
                    }
                }
                yield new InputEncoding.Grid(low, width, in.readInt(1, InputEncoding.Grid.MAX_LEVELS, "grid levels"));
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

    // ---- OutputDecoding -------------------------------------------------------------------------------------------

    /** The most results a bundle may declare per row. */
    private static final int MAX_RESULTS = 1 << 24;

    static void write(BundleWriter out, OutputDecoding decoding) {
        switch (decoding) {
            case OutputDecoding.Affine affine -> {
                out.writeByte(0).writeSize(affine.scales().length);
                out.writeDoubles(affine.scales()).writeLongs(affine.zeroPoints());
            }
            case OutputDecoding.Summed summed -> {
                out.writeByte(1).writeSize(summed.base().length).writeDoubles(summed.base());
                out.writeSize(summed.columns().length);
                for (int column : summed.columns()) {
                    out.writeInt(column);
                }
                out.writeDouble(summed.scale()).writeLong(summed.zeroPoint());
            }
            case OutputDecoding.ClassIndex index -> out.writeByte(2);
        }
    }

    static OutputDecoding readOutputDecoding(BundleReader in) {
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
                return new OutputDecoding.Affine(scales, zeroPoints);
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
                return new OutputDecoding.Summed(columns, scale, in.readLong(), base);
            }
            case 2 -> {
                return new OutputDecoding.ClassIndex();
            }
            default -> throw in.error("has an unknown output decoding " + kind + ": it is damaged or newer than this "
                    + "fheml.");
        }
    }

    // ---- PostProcessing -------------------------------------------------------------------------------------------

    /** The most classes a bundle may declare. */
    private static final int MAX_CLASSES = 1 << 20;

    static void write(BundleWriter out, PostProcessing post) {
        switch (post) {
            case PostProcessing.Classification c -> {
                out.writeByte(0).writeByte(c.probabilities().ordinal()).writeSize(c.classes().length);
                for (int label : c.classes()) {
                    out.writeInt(label);
                }
            }
            case PostProcessing.Regression r -> out.writeByte(1).writeByte(r.link().ordinal()).writeDouble(r.offset()).writeDouble(r.scale());
            case PostProcessing.Raw raw -> out.writeByte(2).writeByte(raw.softmax().ordinal());
        }
    }

    static PostProcessing readPostProcessing(BundleReader in) {
        int kind = in.readUnsignedByte();
        switch (kind) {
            case 0 -> {
                PostProcessing.Probabilities probabilities = enumOf(in, PostProcessing.Probabilities.values(), "probability map");
                int count = in.readSize(MAX_CLASSES, 4, "class count");
                if (count < 2) {
                    throw in.error("declares a classifier of " + count + " class(es): it is damaged.");
                }
                int[] classes = new int[count];
                for (int c = 0; c < count; c++) {
                    classes[c] = in.readInt();
                }
                return new PostProcessing.Classification(classes, probabilities);
            }
            case 1 -> {
                return new PostProcessing.Regression(enumOf(in, PostProcessing.Link.values(), "link"), in.readDouble(), in.readDouble());
            }
            case 2 -> {
                return new PostProcessing.Raw(enumOf(in, PostProcessing.Softmaxed.values(), "softmax kind"));
            }
            default -> throw in.error("has an unknown post-processing " + kind + ": it is damaged or newer than this "
                    + "fheml.");
        }
    }

    private static <E extends Enum<E>> E enumOf(BundleReader in, E[] values, String what) {
        int ordinal = in.readUnsignedByte();
        if (ordinal >= values.length) {
            throw in.error("has an unknown " + what + " " + ordinal + ": it is damaged or newer than this fheml.");
        }
        return values[ordinal];
    }
}

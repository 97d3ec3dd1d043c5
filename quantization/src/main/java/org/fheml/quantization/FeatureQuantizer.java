package org.fheml.quantization;

import java.util.Arrays;

/**
 * One uniform quantizer per feature (column), each calibrated on that column. Concrete ML uses one quantizer for
 * every input feature; features of very different magnitudes then lose most of their precision. Per-feature scales
 * cost nothing in a linear circuit: they fold into the weights.
 */
public final class FeatureQuantizer {

    private final UniformQuantizer[] quantizers;

    private FeatureQuantizer(UniformQuantizer[] quantizers) {
        this.quantizers = quantizers;
    }

    public static FeatureQuantizer calibrate(QuantizationOptions options, double[][] X) {
        int features = X[0].length;
        UniformQuantizer[] quantizers = new UniformQuantizer[features];
        for (int j = 0; j < features; j++) {
            final int column = j;
            quantizers[j] = UniformQuantizer.calibrate(options, Arrays.stream(X).mapToDouble(r -> r[column]).toArray());
        }
        return new FeatureQuantizer(quantizers);
    }

    /** One quantizer per feature, as given. */
    public static FeatureQuantizer of(UniformQuantizer... quantizers) {
        if (quantizers.length == 0) {
            throw new IllegalArgumentException("A FeatureQuantizer needs at least one feature.");
        }
        return new FeatureQuantizer(quantizers.clone());
    }

    /** One quantizer shared by every feature (Concrete ML's choice for model inputs, and for images). */
    public static FeatureQuantizer uniform(UniformQuantizer quantizer, int features) {
        UniformQuantizer[] all = new UniformQuantizer[features];
        Arrays.fill(all, quantizer);
        return of(all);
    }

    /** One quantizer for every feature, calibrated on the smallest and largest value of X. */
    public static FeatureQuantizer calibrateShared(QuantizationOptions options, double[][] X) {
        return uniform(UniformQuantizer.calibrate(options, Arrays.stream(X).flatMapToDouble(Arrays::stream).toArray()),
                X[0].length);
    }

    public int features() {
        return quantizers.length;
    }

    public UniformQuantizer quantizer(int feature) {
        return quantizers[feature];
    }

    public long[] quantize(double[] row) {
        long[] q = new long[row.length];
        for (int j = 0; j < q.length; j++) {
            q[j] = quantizers[j].quantize(row[j]);
        }
        return q;
    }

    public long[][] quantize(double[][] X) {
        return Arrays.stream(X).map(this::quantize).toArray(long[][]::new);
    }

    public double[] dequantize(long[] q) {
        double[] x = new double[q.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = quantizers[j].dequantize(q[j]);
        }
        return x;
    }

    /** The integers every feature quantizes into: one row of smallest and one of largest values. */
    public long[][] integerRange() {
        long[] min = new long[quantizers.length];
        long[] max = new long[quantizers.length];
        for (int j = 0; j < quantizers.length; j++) {
            min[j] = quantizers[j].options().minInteger();
            max[j] = quantizers[j].options().maxInteger();
        }
        return new long[][] {min, max};
    }
}

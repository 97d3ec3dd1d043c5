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

package org.fheml.quantization;

import java.util.Arrays;

/**
 * Real values held as the integers of a uniform quantizer: what flows between quantized ops, with the quantizer
 * that says what each integer means.
 */
public record QuantizedArray(long[] values, UniformQuantizer quantizer) {

    public QuantizedArray {
        values = values.clone();
        for (long v : values) {
            if (v < quantizer.options().minInteger() || v > quantizer.options().maxInteger()) {
                throw new IllegalArgumentException("Integer " + v + " is outside the quantizer's range ["
                        + quantizer.options().minInteger() + ", " + quantizer.options().maxInteger() + "].");
            }
        }
    }

    /** The values quantized by a quantizer calibrated on them. */
    public static QuantizedArray calibrate(QuantizationOptions options, double[] reals) {
        UniformQuantizer quantizer = UniformQuantizer.calibrate(options, reals);
        return new QuantizedArray(quantizer.quantize(reals), quantizer);
    }

    /** The values quantized by a given quantizer (clipped to its range). */
    public static QuantizedArray quantize(UniformQuantizer quantizer, double[] reals) {
        return new QuantizedArray(quantizer.quantize(reals), quantizer);
    }

    @Override
    public long[] values() {
        return values.clone();
    }

    public double[] dequantize() {
        return quantizer.dequantize(values);
    }

    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QuantizedArray q && Arrays.equals(values, q.values) && quantizer.equals(q.quantizer);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + quantizer.hashCode();
    }

    @Override
    public String toString() {
        return "QuantizedArray" + Arrays.toString(values) + " with " + quantizer;
    }
}

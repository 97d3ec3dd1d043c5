package org.fheml.quantization;

import java.util.Arrays;

/**
 * What the integers of one tensor of a {@link QuantizedModule} mean: its logical shape (row-major; circuits carry
 * every tensor flat) and, per element, the real value of one integer step and the integer that stands for 0.0,
 * {@code real = scale · (q − zeroPoint)}. Activations have one scale for all elements ({@link #isUniform()});
 * per-feature inputs and per-channel Gemm outputs have one per element.
 */
public record TensorQuantization(int[] shape, double[] scales, long[] zeroPoints) {

    public TensorQuantization {
        shape = shape.clone();
        int size = sizeOf(shape);
        if (scales.length != size || zeroPoints.length != size) {
            throw new IllegalArgumentException("A tensor of shape " + Arrays.toString(shape) + " needs " + size
                    + " scales and zero points, got " + scales.length + " and " + zeroPoints.length + ".");
        }
        for (double s : scales) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("Scales must be positive and finite, got " + s + ".");
            }
        }
        scales = scales.clone();
        zeroPoints = zeroPoints.clone();
    }

    /** One scale and zero point for every element. */
    public static TensorQuantization uniform(int[] shape, double scale, long zeroPoint) {
        int size = sizeOf(shape);
        double[] s = new double[size];
        long[] z = new long[size];
        Arrays.fill(s, scale);
        Arrays.fill(z, zeroPoint);
        return new TensorQuantization(shape, s, z);
    }

    /** The tensor a per-feature input quantizer produces, of the given logical shape. */
    public static TensorQuantization of(FeatureQuantizer input, int[] shape) {
        double[] s = new double[input.features()];
        long[] z = new long[s.length];
        for (int j = 0; j < s.length; j++) {
            s[j] = input.quantizer(j).scale();
            z[j] = input.quantizer(j).zeroPoint();
        }
        return new TensorQuantization(shape, s, z);
    }

    static int sizeOf(int[] shape) {
        int size = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("Dimensions must be positive, got " + Arrays.toString(shape) + ".");
            }
            size = Math.multiplyExact(size, d);
        }
        return size;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public double[] scales() {
        return scales.clone();
    }

    @Override
    public long[] zeroPoints() {
        return zeroPoints.clone();
    }

    public int size() {
        return scales.length;
    }

    public double scale(int element) {
        return scales[element];
    }

    public long zeroPoint(int element) {
        return zeroPoints[element];
    }

    /** Whether every element shares one scale and one zero point, as a lookup's input must. */
    public boolean isUniform() {
        for (int e = 1; e < scales.length; e++) {
            if (scales[e] != scales[0] || zeroPoints[e] != zeroPoints[0]) {
                return false;
            }
        }
        return true;
    }

    /** The same quantization under another shape of the same size. */
    public TensorQuantization reshaped(int[] newShape) {
        if (sizeOf(newShape) != size()) {
            throw new IllegalArgumentException("Cannot reshape " + Arrays.toString(shape) + " into "
                    + Arrays.toString(newShape) + ".");
        }
        return new TensorQuantization(newShape, scales, zeroPoints);
    }

    public double dequantize(int element, long q) {
        return scales[element] * (q - zeroPoints[element]);
    }

    public double[] dequantize(long[] q) {
        double[] x = new double[q.length];
        for (int e = 0; e < x.length; e++) {
            x[e] = dequantize(e, q[e]);
        }
        return x;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorQuantization t && Arrays.equals(shape, t.shape) && Arrays.equals(scales, t.scales)
                && Arrays.equals(zeroPoints, t.zeroPoints);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(shape) + Arrays.hashCode(scales)) + Arrays.hashCode(zeroPoints);
    }

    @Override
    public String toString() {
        return "TensorQuantization" + Arrays.toString(shape) + (isUniform() ? "(scale " + scales[0] + ", zero point "
                + zeroPoints[0] + ")" : "(per element)");
    }
}

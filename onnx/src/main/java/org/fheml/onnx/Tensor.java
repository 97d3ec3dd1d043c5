package org.fheml.onnx;

import java.util.Arrays;

/**
 * A dense tensor in row-major order, its values held as doubles whatever its ONNX element type (integers up to
 * 2^53 are exact). Used for constants (initializers, folded subgraphs, weights) and, during evaluation, for one
 * sample's activations. Tensors are shared, not copied: nobody writes into {@code data} after construction.
 */
public record Tensor(ElementType type, int[] shape, double[] data) {

    public Tensor {
        long size;
        try {
            size = Shapes.size(shape);
        } catch (ShapeMismatch e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (size != data.length) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " needs " + size
                    + " values, got " + data.length);
        }
    }

    /** A float tensor. */
    public static Tensor of(int[] shape, double... data) {
        return new Tensor(ElementType.FLOAT, shape, data);
    }

    /** A 1-D int64 tensor, as shapes and axes are given in ONNX. */
    public static Tensor ofLongs(long... values) {
        double[] data = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = values[i];
        }
        return new Tensor(ElementType.INT64, new int[] {values.length}, data);
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return data.length;
    }

    /** The values as longs (for shape, axes and index tensors). */
    public long[] longs() {
        long[] out = new long[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = (long) data[i];
        }
        return out;
    }

    /** This tensor's data under another shape of the same size. */
    public Tensor reshape(int[] newShape) {
        return new Tensor(type, newShape, data);
    }

    @Override
    public String toString() {
        return type + Arrays.toString(shape);
    }
}

package org.fheml.compilation;

import java.util.Arrays;

/** The dimensions of a tensor, row-major. A scalar has rank 0 and size 1. */
public final class Shape {

    private static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    public static Shape of(int... dims) {
        if (dims.length == 0) {
            return SCALAR;
        }
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("Negative dimension in shape " + Arrays.toString(dims) + ".");
            }
        }
        return new Shape(dims.clone());
    }

    public static Shape scalar() {
        return SCALAR;
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int axis) {
        return dims[normalizeAxis(axis)];
    }

    public int[] dims() {
        return dims.clone();
    }

    public boolean isScalar() {
        return dims.length == 0;
    }

    /** The number of elements. */
    public int size() {
        int size = 1;
        for (int d : dims) {
            size = Math.multiplyExact(size, d);
        }
        return size;
    }

    /** Row-major strides, in elements. */
    int[] strides() {
        int[] strides = new int[dims.length];
        int stride = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= dims[i];
        }
        return strides;
    }

    /** An axis counted from the end when negative, as in numpy. */
    int normalizeAxis(int axis) {
        int normalized = axis < 0 ? axis + dims.length : axis;
        if (normalized < 0 || normalized >= dims.length) {
            throw new IllegalArgumentException("Axis " + axis + " is out of range for shape " + this + ".");
        }
        return normalized;
    }

    /** The shape numpy broadcasting gives two operands of these shapes. */
    static Shape broadcast(Shape a, Shape b) {
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.rank() ? 1 : a.dims[i - (rank - a.rank())];
            int db = i < rank - b.rank() ? 1 : b.dims[i - (rank - b.rank())];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("Shapes " + a + " and " + b + " cannot be broadcast together.");
            }
            out[i] = Math.max(da, db);
        }
        return of(out);
    }

    /** Python's tuple notation: (), (3,), (2, 3). */
    @Override
    public String toString() {
        if (dims.length == 1) {
            return "(" + dims[0] + ",)";
        }
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            text.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return text.append(')').toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Shape shape && Arrays.equals(dims, shape.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }
}

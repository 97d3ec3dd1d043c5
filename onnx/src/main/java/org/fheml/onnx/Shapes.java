package org.fheml.onnx;

import java.util.Arrays;

/** Helpers on shapes (int[] dims, row-major): sizes, strides, numpy broadcasting, axis normalization. */
final class Shapes {

    private Shapes() {
    }

    /** The most elements one tensor may hold (one sample of an activation, or a constant): 2^26. */
    static final long MAX_ELEMENTS = 1L << 26;

    static long size(int[] shape) {
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new ShapeMismatch("negative dimension in " + Arrays.toString(shape));
            }
            size *= d;
            if (size > MAX_ELEMENTS) {
                throw new ShapeMismatch("a tensor of shape " + Arrays.toString(shape) + " holds more than "
                        + MAX_ELEMENTS + " elements");
            }
        }
        return size;
    }

    static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }

    /** Numpy broadcasting of two shapes, or null when they do not broadcast. */
    static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                return null;
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /**
     * Strides to read a tensor of shape {@code shape} while walking a broadcast output of rank {@code rank}: zero
     * stride on broadcast axes.
     */
    static int[] broadcastStrides(int[] shape, int[] outShape) {
        int rank = outShape.length;
        int[] own = strides(shape);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int j = i - (rank - shape.length);
            out[i] = j < 0 || shape[j] == 1 ? 0 : own[j];
        }
        return out;
    }

    /** An axis in [-rank, rank) made non-negative, or -1 when out of range. */
    static int axis(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        return a < 0 || a >= rank ? -1 : (int) a;
    }

    static String str(int[] shape) {
        return Arrays.toString(shape);
    }
}

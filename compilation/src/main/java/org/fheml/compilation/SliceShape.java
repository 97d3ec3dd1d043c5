package org.fheml.compilation;

import java.util.Arrays;

/** A validated strided slice: per axis a start, a positive step, and the shape of the result. */
record SliceShape(int[] start, int[] step, Shape result) {

    static SliceShape of(Shape shape, int[] start, int[] stop, int[] step) {
        int rank = shape.rank();
        if (start.length != rank || stop.length != rank || step.length != rank) {
            throw new IllegalArgumentException("A slice of a rank-" + rank + " tensor needs " + rank
                    + " starts, stops and steps.");
        }
        int[] dims = new int[rank];
        int[] starts = new int[rank];
        for (int axis = 0; axis < rank; axis++) {
            int size = shape.dim(axis);
            if (step[axis] <= 0) {
                throw new IllegalArgumentException("Slice steps must be positive, got " + Arrays.toString(step) + ".");
            }
            int from = clamp(start[axis] < 0 ? start[axis] + size : start[axis], size);
            int to = clamp(stop[axis] < 0 ? stop[axis] + size : stop[axis], size);
            starts[axis] = from;
            dims[axis] = to <= from ? 0 : (to - from + step[axis] - 1) / step[axis];
        }
        return new SliceShape(starts, step.clone(), Shape.of(dims));
    }

    private static int clamp(int value, int size) {
        return Math.max(0, Math.min(size, value));
    }
}

package org.fheml.compilation;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * An immutable row-major tensor of 64-bit integers with numpy's semantics for broadcasting, matmul, sums,
 * reshapes, transposes, slices and concatenation: the values an integer program computes on in the clear.
 * Arithmetic is exact: an overflow of 64 bits throws {@link ArithmeticException}.
 */
public final class LongTensor {

    private final Shape shape;
    private final long[] data;

    private LongTensor(Shape shape, long[] data) {
        this.shape = shape;
        this.data = data;
    }

    /** A tensor of this shape over a copy of {@code data} (row-major). */
    public static LongTensor of(Shape shape, long[] data) {
        if (shape.size() != data.length) {
            throw new IllegalArgumentException("Shape " + shape + " needs " + shape.size() + " values, got "
                    + data.length + ".");
        }
        return new LongTensor(shape, data.clone());
    }

    public static LongTensor scalar(long value) {
        return new LongTensor(Shape.scalar(), new long[] {value});
    }

    public static LongTensor vector(long... values) {
        return new LongTensor(Shape.of(values.length), values.clone());
    }

    public static LongTensor matrix(long[][] rows) {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        long[] data = new long[rows.length * columns];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != columns) {
                throw new IllegalArgumentException("Ragged matrix: row 0 has " + columns + " values, row " + i
                        + " has " + rows[i].length + ".");
            }
            System.arraycopy(rows[i], 0, data, i * columns, columns);
        }
        return new LongTensor(Shape.of(rows.length, columns), data);
    }

    static LongTensor wrap(Shape shape, long[] data) {
        return new LongTensor(shape, data);
    }

    public Shape shape() {
        return shape;
    }

    public int size() {
        return data.length;
    }

    /** The element at a row-major position. */
    public long get(int flatIndex) {
        return data[flatIndex];
    }

    /** A copy of the elements, row-major. */
    public long[] toArray() {
        return data.clone();
    }

    long[] data() {
        return data;
    }

    public long min() {
        return Arrays.stream(data).min().orElseThrow();
    }

    public long max() {
        return Arrays.stream(data).max().orElseThrow();
    }

    public LongTensor map(LongUnaryOperator f) {
        long[] out = new long[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsLong(data[i]);
        }
        return new LongTensor(shape, out);
    }

    /** An element-wise operation with numpy broadcasting. */
    public LongTensor zip(LongTensor other, LongBinaryOperator f) {
        if (shape.equals(other.shape)) {
            long[] values = new long[data.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = f.applyAsLong(data[i], other.data[i]);
            }
            return new LongTensor(shape, values);
        }
        Shape out = Shape.broadcast(shape, other.shape);
        int[] left = broadcastIndex(shape, out);
        int[] right = broadcastIndex(other.shape, out);
        long[] values = new long[out.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = f.applyAsLong(data[left[i]], other.data[right[i]]);
        }
        return new LongTensor(out, values);
    }

    /** For each element of {@code target}, the element of a tensor of shape {@code source} broadcast onto it. */
    private static int[] broadcastIndex(Shape source, Shape target) {
        int[] index = new int[target.size()];
        int[] sourceDims = source.dims();
        int[] sourceStrides = source.strides();
        int[] targetDims = target.dims();
        int offset = targetDims.length - sourceDims.length;
        int[] counter = new int[targetDims.length];
        for (int i = 0; i < index.length; i++) {
            int position = 0;
            for (int axis = 0; axis < sourceDims.length; axis++) {
                if (sourceDims[axis] != 1) {
                    position += counter[axis + offset] * sourceStrides[axis];
                }
            }
            index[i] = position;
            for (int axis = targetDims.length - 1; axis >= 0; axis--) {
                if (++counter[axis] < targetDims[axis]) {
                    break;
                }
                counter[axis] = 0;
            }
        }
        return index;
    }

    public LongTensor add(LongTensor other) {
        return zip(other, Math::addExact);
    }

    public LongTensor subtract(LongTensor other) {
        return zip(other, Math::subtractExact);
    }

    public LongTensor multiply(LongTensor other) {
        return zip(other, Math::multiplyExact);
    }

    public LongTensor negate() {
        return map(Math::negateExact);
    }

    /** numpy's matmul for operands of rank 1 or 2: vector·vector is a scalar, matrix·vector a vector. */
    public LongTensor matmul(LongTensor other) {
        MatmulShape m = MatmulShape.of(shape, other.shape);
        long[] out = new long[m.rows() * m.columns()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.columns(); j++) {
                long sum = 0;
                for (int t = 0; t < m.inner(); t++) {
                    sum = Math.addExact(sum,
                            Math.multiplyExact(data[i * m.inner() + t], other.data[t * m.columns() + j]));
                }
                out[i * m.columns() + j] = sum;
            }
        }
        return new LongTensor(m.result(), out);
    }

    /** The sum of every element, as a scalar. */
    public LongTensor sum() {
        long sum = 0;
        for (long v : data) {
            sum = Math.addExact(sum, v);
        }
        return scalar(sum);
    }

    /** The sum along one axis, which disappears from the shape. */
    public LongTensor sum(int axis) {
        int a = shape.normalizeAxis(axis);
        int[] dims = shape.dims();
        int outer = 1;
        for (int i = 0; i < a; i++) {
            outer *= dims[i];
        }
        int inner = 1;
        for (int i = a + 1; i < dims.length; i++) {
            inner *= dims[i];
        }
        long[] out = new long[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int t = 0; t < dims[a]; t++) {
                for (int i = 0; i < inner; i++) {
                    int target = o * inner + i;
                    out[target] = Math.addExact(out[target], data[(o * dims[a] + t) * inner + i]);
                }
            }
        }
        int[] outDims = new int[dims.length - 1];
        for (int i = 0, j = 0; i < dims.length; i++) {
            if (i != a) {
                outDims[j++] = dims[i];
            }
        }
        return new LongTensor(Shape.of(outDims), out);
    }

    public LongTensor reshape(Shape newShape) {
        if (newShape.size() != shape.size()) {
            throw new IllegalArgumentException("Cannot reshape " + shape + " (" + shape.size() + " values) into "
                    + newShape + " (" + newShape.size() + " values).");
        }
        return new LongTensor(newShape, data);
    }

    /** The axes permuted: output axis i is input axis {@code axes[i]}. */
    public LongTensor transpose(int... axes) {
        int[] dims = shape.dims();
        if (axes.length != dims.length) {
            throw new IllegalArgumentException("transpose of a rank-" + dims.length + " tensor needs "
                    + dims.length + " axes, got " + Arrays.toString(axes) + ".");
        }
        boolean[] seen = new boolean[dims.length];
        int[] outDims = new int[dims.length];
        for (int i = 0; i < axes.length; i++) {
            int a = shape.normalizeAxis(axes[i]);
            if (seen[a]) {
                throw new IllegalArgumentException("Axis " + a + " repeated in transpose " + Arrays.toString(axes) + ".");
            }
            seen[a] = true;
            outDims[i] = dims[a];
        }
        int[] inStrides = shape.strides();
        Shape out = Shape.of(outDims);
        long[] values = new long[data.length];
        int[] counter = new int[outDims.length];
        for (int i = 0; i < values.length; i++) {
            int source = 0;
            for (int axis = 0; axis < outDims.length; axis++) {
                source += counter[axis] * inStrides[shape.normalizeAxis(axes[axis])];
            }
            values[i] = data[source];
            for (int axis = outDims.length - 1; axis >= 0; axis--) {
                if (++counter[axis] < outDims[axis]) {
                    break;
                }
                counter[axis] = 0;
            }
        }
        return new LongTensor(out, values);
    }

    /** The axes reversed (numpy's default transpose). */
    public LongTensor transpose() {
        int[] axes = new int[shape.rank()];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = axes.length - 1 - i;
        }
        return transpose(axes);
    }

    /** A strided slice along every axis (stop exclusive, step positive), keeping the rank. */
    public LongTensor slice(int[] start, int[] stop, int[] step) {
        SliceShape s = SliceShape.of(shape, start, stop, step);
        long[] values = new long[s.result().size()];
        int[] inStrides = shape.strides();
        int[] outDims = s.result().dims();
        int[] counter = new int[outDims.length];
        for (int i = 0; i < values.length; i++) {
            int source = 0;
            for (int axis = 0; axis < outDims.length; axis++) {
                source += (s.start()[axis] + counter[axis] * s.step()[axis]) * inStrides[axis];
            }
            values[i] = data[source];
            for (int axis = outDims.length - 1; axis >= 0; axis--) {
                if (++counter[axis] < outDims[axis]) {
                    break;
                }
                counter[axis] = 0;
            }
        }
        return new LongTensor(s.result(), values);
    }

    /** The sub-tensor at position {@code index} of the first axis (negative counts from the end). */
    public LongTensor index(int index) {
        if (shape.rank() == 0) {
            throw new IllegalArgumentException("A scalar cannot be indexed.");
        }
        int first = shape.dim(0);
        int i = index < 0 ? index + first : index;
        if (i < 0 || i >= first) {
            throw new IllegalArgumentException("Index " + index + " is out of range for axis 0 of size " + first + ".");
        }
        int[] dims = shape.dims();
        Shape out = Shape.of(Arrays.copyOfRange(dims, 1, dims.length));
        int block = out.size();
        return new LongTensor(out, Arrays.copyOfRange(data, i * block, (i + 1) * block));
    }

    /** The tensors joined along an axis; every other dimension must agree. */
    public static LongTensor concatenate(List<LongTensor> parts, int axis) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("Nothing to concatenate.");
        }
        Shape first = parts.getFirst().shape;
        int a = first.normalizeAxis(axis);
        int[] dims = first.dims();
        int total = 0;
        for (LongTensor part : parts) {
            int[] d = part.shape.dims();
            if (d.length != dims.length) {
                throw new IllegalArgumentException("Cannot concatenate shapes " + first + " and " + part.shape + ".");
            }
            for (int i = 0; i < d.length; i++) {
                if (i != a && d[i] != dims[i]) {
                    throw new IllegalArgumentException("Cannot concatenate shapes " + first + " and " + part.shape
                            + " along axis " + axis + ".");
                }
            }
            total += d[a];
        }
        int outer = 1;
        for (int i = 0; i < a; i++) {
            outer *= dims[i];
        }
        int inner = 1;
        for (int i = a + 1; i < dims.length; i++) {
            inner *= dims[i];
        }
        int[] outDims = dims.clone();
        outDims[a] = total;
        long[] values = new long[outer * total * inner];
        int position = 0;
        for (int o = 0; o < outer; o++) {
            for (LongTensor part : parts) {
                int chunk = part.shape.dim(a) * inner;
                System.arraycopy(part.data, o * chunk, values, position, chunk);
                position += chunk;
            }
        }
        return new LongTensor(Shape.of(outDims), values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LongTensor t && shape.equals(t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return shape.isScalar() ? String.valueOf(data[0]) : TensorText.format(this);
    }
}

package org.fheml.compilation;

/** numpy-like text of a tensor: [1, 2] or [[1, 2], [3, 4]]. */
final class TensorText {

    private TensorText() {
    }

    static String format(LongTensor tensor) {
        StringBuilder text = new StringBuilder();
        append(text, tensor.data(), tensor.shape().dims(), 0, 0);
        return text.toString();
    }

    private static int append(StringBuilder text, long[] data, int[] dims, int axis, int position) {
        if (axis == dims.length) {
            text.append(data[position]);
            return position + 1;
        }
        text.append('[');
        for (int i = 0; i < dims[axis]; i++) {
            if (i > 0) {
                text.append(", ");
            }
            position = append(text, data, dims, axis + 1, position);
        }
        text.append(']');
        return position;
    }
}

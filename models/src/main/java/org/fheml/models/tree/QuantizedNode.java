package org.fheml.models.tree;

/**
 * A node of a tree after quantization: a split sends an integer row to {@code left} when
 * {@code q[feature] <= threshold}; a leaf holds quantized values. Splits and leaves are numbered across the whole
 * ensemble (depth first, left before right), the order of the circuit's comparison and leaf tensors.
 */
sealed interface QuantizedNode {

    record Split(int index, int feature, long threshold, QuantizedNode left, QuantizedNode right)
            implements QuantizedNode {
    }

    record Leaf(int index, long[] values) implements QuantizedNode {
    }

    /** The leaf an integer row reaches. */
    default Leaf leafOf(long[] q) {
        QuantizedNode node = this;
        while (node instanceof Split split) {
            node = q[split.feature()] <= split.threshold() ? split.left() : split.right();
        }
        return (Leaf) node;
    }
}

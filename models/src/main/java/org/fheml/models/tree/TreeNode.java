package org.fheml.models.tree;

/**
 * A node of a binary decision tree (grown by {@link CartTrainer}, read from Smile's boosting or from XGBoost): a
 * split sends a row to {@code left} when {@code x[feature] <= threshold}, else to {@code right}; a leaf holds the
 * tree's contribution to each of the columns its tree feeds (already weighted: divided by the number of trees in a
 * forest, multiplied by the shrinkage in boosting).
 */
sealed interface TreeNode {

    /** An internal node: {@code x[feature] <= threshold} goes left. */
    record Split(int feature, double threshold, TreeNode left, TreeNode right) implements TreeNode {
    }

    /** A leaf and its values, one per column of its tree. */
    record Leaf(double[] values) implements TreeNode {
    }

    /** The leaf a row reaches. */
    default Leaf leafOf(double[] x) {
        TreeNode node = this;
        while (node instanceof Split split) {
            node = x[split.feature()] <= split.threshold() ? split.left() : split.right();
        }
        return (Leaf) node;
    }

    /** The number of splits on the longest path from this node to a leaf. */
    default int depth() {
        return switch (this) {
            case Split split -> 1 + Math.max(split.left().depth(), split.right().depth());
            case Leaf leaf -> 0;
        };
    }
}

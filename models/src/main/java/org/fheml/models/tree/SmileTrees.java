package org.fheml.models.tree;

import java.lang.reflect.Field;
import java.util.function.Function;
import smile.model.cart.LeafNode;
import smile.model.cart.Node;
import smile.model.cart.OrdinalNode;
import smile.model.cart.RegressionNode;

/**
 * Reads the regression trees of Smile's gradient boosting ({@code smile.model.cart}) into {@link TreeNode}s. Smile keeps the split threshold of an
 * {@link OrdinalNode} and the intercept of gradient boosting in non-public fields without getters (Smile 6.2.5), so
 * both are read by reflection; any other Smile version that renames them fails here with a message saying so.
 */
final class SmileTrees {

    private static final Field ORDINAL_VALUE = field(OrdinalNode.class, "value");

    private SmileTrees() {
    }

    /** The tree under {@code root}, each leaf's values given by {@code leafValues}. */
    static TreeNode read(Node root, Function<LeafNode, double[]> leafValues) {
        TreeNode tree = readNode(root, leafValues);
        // A tree without any split still needs one comparison to be a GEMM circuit: an always-true split.
        return tree instanceof TreeNode.Leaf leaf
                ? new TreeNode.Split(0, Double.POSITIVE_INFINITY, leaf, leaf)
                : tree;
    }

    private static TreeNode readNode(Node node, Function<LeafNode, double[]> leafValues) {
        return switch (node) {
            case OrdinalNode split -> new TreeNode.Split(split.feature(), threshold(split),
                    readNode(split.trueChild(), leafValues), readNode(split.falseChild(), leafValues));
            case LeafNode leaf -> new TreeNode.Leaf(leafValues.apply(leaf));
            default -> throw new IllegalStateException("Unsupported Smile tree node " + node.getClass().getName()
                    + ": fheml trains on numeric features only, whose splits are OrdinalNodes.");
        };
    }

    /** A regression leaf's output, times {@code weight}. */
    static double[] output(LeafNode leaf, double weight) {
        return new double[] {((RegressionNode) leaf).output() * weight};
    }

    static double threshold(OrdinalNode node) {
        try {
            return ORDINAL_VALUE.getDouble(node);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read OrdinalNode.value from Smile: " + e.getMessage(), e);
        }
    }

    /** The intercept {@code b} of a Smile GradientTreeBoost (classification or regression). */
    static double intercept(Object gradientTreeBoost) {
        try {
            return field(gradientTreeBoost.getClass(), "b").getDouble(gradientTreeBoost);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read GradientTreeBoost.b from Smile: " + e.getMessage(), e);
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            throw new IllegalStateException("Smile's " + type.getName() + " has no accessible field '" + name
                    + "': fheml reads it by reflection and needs Smile 6.2.5 on the class path.", e);
        }
    }
}

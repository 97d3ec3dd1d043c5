package org.fheml.models.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;
import org.fheml.quantization.FeatureQuantizer;
import org.fheml.quantization.UniformQuantizer;

/**
 * A gradient-boosted tree model in XGBoost's terms, as its JSON format stores it: trees whose split sends a row
 * left when {@code x < condition} (compared in float32, as XGBoost does) and a missing value to its default child;
 * each tree adds its leaf to the margin of its output group (the class, for multi-class models); the margins start
 * from a base margin per group.
 *
 * @param objective    how margins become predictions
 * @param featureCount the features a row has
 * @param baseMargin   the margin every group starts from (one per group)
 * @param trees        the trees, in boosting order
 * @param treeGroup    per tree, the output group its leaves feed
 */
record XGBoostModel(XGBoostObjective objective, int featureCount, double[] baseMargin, List<Tree> trees,
        int[] treeGroup) {

    XGBoostModel {
        trees = List.copyOf(trees);
        if (trees.isEmpty() || treeGroup.length != trees.size()) {
            throw new IllegalArgumentException("An XGBoost model needs at least one tree and one group per tree; got "
                    + trees.size() + " trees and " + treeGroup.length + " groups.");
        }
    }

    /**
     * One tree in XGBoost's array form: node i is a leaf when {@code left[i] == -1}, and then {@code value[i]} is
     * its output; otherwise {@code x[feature[i]] < value[i]} goes to {@code left[i]}, else to {@code right[i]},
     * and a missing value goes left when {@code defaultLeft[i]}.
     */
    record Tree(int[] left, int[] right, int[] feature, float[] value, boolean[] defaultLeft) {

        boolean isLeaf(int node) {
            return left[node] == -1;
        }

        /** The leaf output a row reaches, with XGBoost's float32 comparison and NaN for a missing value. */
        float leafValue(double[] x) {
            int node = 0;
            while (!isLeaf(node)) {
                double v = x[feature[node]];
                if (Double.isNaN(v)) {
                    node = defaultLeft[node] ? left[node] : right[node];
                } else {
                    node = (float) v < value[node] ? left[node] : right[node];
                }
            }
            return value[node];
        }
    }

    int groups() {
        return baseMargin.length;
    }

    /**
     * The margins of a row as XGBoost computes them: in float32, from the base margin, adding the leaves of each
     * group's trees in boosting order.
     */
    double[] margins(double[] x) {
        float[] sums = new float[groups()];
        for (int g = 0; g < sums.length; g++) {
            sums[g] = (float) baseMargin[g];
        }
        for (int t = 0; t < trees.size(); t++) {
            sums[treeGroup[t]] += trees.get(t).leafValue(x);
        }
        double[] out = new double[sums.length];
        for (int g = 0; g < out.length; g++) {
            out[g] = sums[g];
        }
        return out;
    }

    /**
     * The model as an ensemble of {@link TreeNode}s ({@code <=} splits): feature j's condition c becomes
     * {@code x <= threshold} with threshold the largest value below {@code thresholds.apply(j)} applied to c. With
     * the identity, that is exactly {@code x < c} for every double x; with a quantizer's grid position, it splits
     * the integers below that position from the others. A multi-class model's base margins are folded into the
     * leaves of each class's first tree.
     */
    TreeEnsemble toEnsemble(IntFunction<DoubleUnaryOperator> thresholds) {
        List<TreeNode> nodes = new ArrayList<>();
        int[][] columns = new int[trees.size()][];
        // Several groups (classes): each base margin is folded into the leaves of its group's first tree, which
        // every row reaches once, so that the scores need no base and the argmax can run in the circuit.
        boolean fold = groups() > 1;
        boolean[] folded = new boolean[groups()];
        for (int t = 0; t < trees.size(); t++) {
            int group = treeGroup[t];
            double shift = fold && !folded[group] ? baseMargin[group] : 0;
            folded[group] = true;
            nodes.add(rooted(node(trees.get(t), 0, thresholds, shift)));
            columns[t] = new int[] {group};
        }
        return new TreeEnsemble(nodes, columns, groups(), fold ? new double[groups()] : baseMargin.clone());
    }

    /** The model as an ensemble of float thresholds: {@code x <= threshold} exactly when {@code x < condition}. */
    TreeEnsemble floatEnsemble() {
        return toEnsemble(feature -> DoubleUnaryOperator.identity());
    }

    /**
     * The model on features quantized by {@code inputs}: condition c of feature j becomes its position on the
     * feature's integer grid, c / scale + zero point, and a split sends left the integers strictly below it, the
     * bins whose centre lies below c. A bin that straddles c goes wholly to one side: the only error the import
     * adds, and the reason for calibrating on data like the model's.
     */
    TreeEnsemble quantizedEnsemble(FeatureQuantizer inputs) {
        return toEnsemble(feature -> {
            UniformQuantizer q = inputs.quantizer(feature);
            return c -> c / q.scale() + q.zeroPoint();
        });
    }

    private static TreeNode node(Tree tree, int i, IntFunction<DoubleUnaryOperator> thresholds, double shift) {
        if (tree.isLeaf(i)) {
            return new TreeNode.Leaf(new double[] {tree.value()[i] + shift});
        }
        int feature = tree.feature()[i];
        double threshold = Math.nextDown(thresholds.apply(feature).applyAsDouble(tree.value()[i]));
        return new TreeNode.Split(feature, threshold, node(tree, tree.left()[i], thresholds, shift),
                node(tree, tree.right()[i], thresholds, shift));
    }

    /** A single-leaf tree under an always-true split: the circuit needs one comparison per tree. */
    private static TreeNode rooted(TreeNode tree) {
        return tree instanceof TreeNode.Leaf leaf ? new TreeNode.Split(0, Double.POSITIVE_INFINITY, leaf, leaf) : tree;
    }
}

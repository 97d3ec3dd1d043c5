package org.fheml.models.tree;

import java.util.List;
import smile.regression.RegressionTree;

/**
 * A CART regression tree on encrypted data, trained with Smile's RegressionTree on features quantized to n_bits
 * (6 by default); unbounded depth unless {@link #setMaxDepth} is called, as in Concrete ML. Leaf values are
 * quantized with op_leaves bits.
 */
public final class DecisionTreeRegressor extends TreeRegressorBase<DecisionTreeRegressor> {

    public DecisionTreeRegressor() {
        super(0);
    }

    @Override
    Trained train(double[][] X, double[] y, TreeSettings settings) {
        var options = new RegressionTree.Options(settings.smileMaxDepth(), settings.smileMaxNodes(X.length),
                settings.minSamplesLeaf());
        RegressionTree tree = RegressionTree.fit(SmileData.TARGET, SmileData.regression(X, y), options);
        TreeNode root = SmileTrees.read(tree.root(), leaf -> SmileTrees.output(leaf, 1));
        return new Trained(tree, new TreeEnsemble(List.of(root), new int[][] {{0}}, 1, new double[1]));
    }
}

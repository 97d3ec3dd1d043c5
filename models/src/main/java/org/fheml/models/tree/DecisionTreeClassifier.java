package org.fheml.models.tree;

import java.util.List;
import smile.classification.DecisionTree;
import smile.model.cart.SplitRule;

/**
 * A CART decision tree classifier (Gini) on encrypted data, trained with Smile's DecisionTree on features quantized
 * to n_bits (6 by default); unbounded depth unless {@link #setMaxDepth} is called, as in Concrete ML. Each leaf
 * holds Smile's class probabilities, quantized (for two classes, the second's alone); the argmax and normalisation
 * run in the clear.
 */
public final class DecisionTreeClassifier extends TreeClassifierBase<DecisionTreeClassifier> {

    public DecisionTreeClassifier() {
        super(0);
    }

    @Override
    Trained train(double[][] X, int[] classIndices, int classCount, TreeSettings settings) {
        var options = new DecisionTree.Options(SplitRule.GINI, settings.smileMaxDepth(),
                settings.smileMaxNodes(X.length), settings.minSamplesLeaf());
        DecisionTree tree = DecisionTree.fit(SmileData.TARGET, SmileData.classification(X, classIndices), options);
        TreeNode root = SmileTrees.read(tree.root(), leaf -> Links.votes(SmileTrees.posteriori(leaf, 1)));
        int[] columns = Links.votingColumns(classCount);
        return new Trained(tree, new TreeEnsemble(List.of(root), new int[][] {columns}, columns.length,
                Links.votingBase(classCount)));
    }

    @Override
    double[] probabilities(double[] scores) {
        return Links.normalized(scores);
    }
}

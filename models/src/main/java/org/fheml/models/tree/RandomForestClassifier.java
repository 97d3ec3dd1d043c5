package org.fheml.models.tree;

import java.util.ArrayList;
import java.util.List;
import smile.classification.DecisionTree;
import smile.classification.RandomForest;
import smile.model.cart.SplitRule;

/**
 * A random forest classifier on encrypted data, trained with Smile's RandomForest (Gini, bootstrap samples, √p
 * features per split by default) on features quantized to n_bits (6 by default); 20 trees of depth 4 by default,
 * as in Concrete ML. Each tree's seed derives from {@link #setSeed}, so that fits are reproducible. Each leaf holds
 * the tree's class probabilities (for two classes, the second's alone) divided by the number of trees: their sum is
 * the forest's average.
 */
public final class RandomForestClassifier extends TreeClassifierBase<RandomForestClassifier> {

    private int nEstimators = 20;
    private int maxFeatures;

    public RandomForestClassifier() {
        super(4);
    }

    public RandomForestClassifier setNEstimators(int nEstimators) {
        this.nEstimators = TreeSettings.requirePositive("nEstimators", nEstimators);
        return this;
    }

    /** The features drawn at random for each split, or 0 for √p. */
    public RandomForestClassifier setMaxFeatures(int maxFeatures) {
        this.maxFeatures = maxFeatures == 0 ? 0 : TreeSettings.requirePositive("maxFeatures", maxFeatures);
        return this;
    }

    @Override
    Trained train(double[][] X, int[] classIndices, int classCount, TreeSettings settings) {
        int p = X[0].length;
        int mtry = maxFeatures == 0 ? Math.max(1, (int) Math.sqrt(p)) : Math.min(maxFeatures, p);
        var options = new RandomForest.Options(nEstimators, mtry, SplitRule.GINI, settings.smileMaxDepth(),
                settings.smileMaxNodes(X.length), settings.minSamplesLeaf(), 1.0, null,
                settings.treeSeeds(nEstimators), null);
        RandomForest forest = RandomForest.fit(SmileData.TARGET, SmileData.classification(X, classIndices), options);
        List<TreeNode> trees = new ArrayList<>();
        int[][] columns = new int[nEstimators][];
        double weight = 1.0 / nEstimators;
        for (DecisionTree tree : forest.trees()) {
            columns[trees.size()] = Links.votingColumns(classCount);
            trees.add(SmileTrees.read(tree.root(), leaf -> Links.votes(SmileTrees.posteriori(leaf, weight))));
        }
        double[] base = Links.votingBase(classCount);
        return new Trained(forest, new TreeEnsemble(trees, columns, base.length, base));
    }

    @Override
    double[] probabilities(double[] scores) {
        return Links.normalized(scores);
    }
}

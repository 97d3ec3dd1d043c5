package org.fheml.models.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A random forest classifier on encrypted data, trained by fheml's {@link CartTrainer} as scikit-learn's
 * RandomForestClassifier (Gini, bootstrap samples, √p features per split by default) on features quantized to
 * n_bits (6 by default); 20 trees of depth 4 by default, as in Concrete ML. Each tree's seed derives from
 * {@link #setSeed}, so that fits are reproducible. Each leaf holds the tree's class shares (for two classes, the
 * second's alone) divided by the number of trees: their sum is the forest's soft vote.
 */
public final class RandomForestClassifier extends TreeClassifierBase<RandomForestClassifier> {

    private int nEstimators = 20;
    private int maxFeatures;
    private boolean bootstrap = true;
    private SplitCriterion criterion = SplitCriterion.GINI;

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

    /** Whether each tree trains on a bootstrap sample (the default) or on every row. */
    public RandomForestClassifier setBootstrap(boolean bootstrap) {
        this.bootstrap = bootstrap;
        return this;
    }

    /** The impurity the splits reduce: Gini (the default) or entropy. */
    public RandomForestClassifier setCriterion(SplitCriterion criterion) {
        this.criterion = SplitCriterion.require(criterion);
        return this;
    }

    @Override
    Trained train(double[][] X, int[] classIndices, int classCount, TreeSettings settings) {
        int p = X[0].length;
        int mtry = maxFeatures == 0 ? Math.max(1, (int) Math.sqrt(p)) : Math.min(maxFeatures, p);
        var options = CartTrainer.Options.of(criterion.cart(), settings, mtry);
        int[][] presorted = CartTrainer.presort(X);
        List<TreeNode> trees = new ArrayList<>();
        int[][] columns = new int[nEstimators][];
        double weight = 1.0 / nEstimators;
        for (long seed : settings.treeSeeds(nEstimators)) {
            SplittableRandom random = new SplittableRandom(seed);
            int[] counts = bootstrap ? CartTrainer.bootstrap(X.length, random) : null;
            TreeNode tree = CartTrainer.classification(X, presorted, classIndices, classCount, counts, options,
                    random.nextLong());
            columns[trees.size()] = Links.votingColumns(classCount);
            trees.add(Links.voting(tree, weight));
        }
        double[] base = Links.votingBase(classCount);
        return new Trained(new TreeEnsemble(trees, columns, base.length, base));
    }

    @Override
    org.fheml.models.deploy.PostProcessing.Probabilities probabilityMap() {
        return org.fheml.models.deploy.PostProcessing.Probabilities.VOTES;
    }
}

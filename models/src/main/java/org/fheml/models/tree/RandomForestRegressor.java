package org.fheml.models.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A random forest regressor on encrypted data, trained by fheml's {@link CartTrainer} (squared error, bootstrap
 * samples, p/3 features per split by default) on features quantized to n_bits (6 by default); 20 trees of depth 4
 * by default, as in Concrete ML. Each tree's seed derives from {@link #setSeed}. Leaves hold the tree's output
 * divided by the number of trees, so that their sum is the forest's mean.
 */
public final class RandomForestRegressor extends TreeRegressorBase<RandomForestRegressor> {

    private int nEstimators = 20;
    private int maxFeatures;
    private boolean bootstrap = true;

    public RandomForestRegressor() {
        super(4);
    }

    public RandomForestRegressor setNEstimators(int nEstimators) {
        this.nEstimators = TreeSettings.requirePositive("nEstimators", nEstimators);
        return this;
    }

    /** The features drawn at random for each split, or 0 for p/3. */
    public RandomForestRegressor setMaxFeatures(int maxFeatures) {
        this.maxFeatures = maxFeatures == 0 ? 0 : TreeSettings.requirePositive("maxFeatures", maxFeatures);
        return this;
    }

    /** Whether each tree trains on a bootstrap sample (the default) or on every row. */
    public RandomForestRegressor setBootstrap(boolean bootstrap) {
        this.bootstrap = bootstrap;
        return this;
    }

    @Override
    Trained train(double[][] X, double[] y, TreeSettings settings) {
        int p = X[0].length;
        int mtry = maxFeatures == 0 ? Math.max(1, p / 3) : Math.min(maxFeatures, p);
        var options = CartTrainer.Options.of(CartTrainer.Criterion.SQUARED_ERROR, settings, mtry);
        int[][] presorted = CartTrainer.presort(X);
        List<TreeNode> trees = new ArrayList<>();
        int[][] columns = new int[nEstimators][];
        double weight = 1.0 / nEstimators;
        for (long seed : settings.treeSeeds(nEstimators)) {
            SplittableRandom random = new SplittableRandom(seed);
            int[] counts = bootstrap ? CartTrainer.bootstrap(X.length, random) : null;
            columns[trees.size()] = new int[] {0};
            trees.add(Links.scaled(CartTrainer.regression(X, presorted, y, counts, options, random.nextLong()), weight));
        }
        return new Trained(new TreeEnsemble(trees, columns, 1, new double[1]));
    }
}

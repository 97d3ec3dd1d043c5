package org.fheml.models.tree;

import java.util.ArrayList;
import java.util.List;
import smile.math.MathEx;
import smile.model.cart.Loss;
import smile.regression.GradientTreeBoost;
import smile.regression.RegressionTree;

/**
 * A gradient-boosted trees regressor (least squares) on encrypted data, trained with Smile's GradientTreeBoost (the
 * counterpart of Concrete ML's XGBRegressor) on features quantized to n_bits (6 by default); 20 trees of depth 3
 * and a learning rate of 0.3 by default, as XGBoost. The prediction is b + Σ shrinkage·tree(x): leaves hold
 * shrinkage·output and the intercept b is added in the clear.
 */
public final class GradientBoostingRegressor extends TreeRegressorBase<GradientBoostingRegressor> {

    private int nEstimators = 20;
    private double learningRate = 0.3;
    private double subsample = 1.0;

    public GradientBoostingRegressor() {
        super(3);
    }

    public GradientBoostingRegressor setNEstimators(int nEstimators) {
        this.nEstimators = TreeSettings.requirePositive("nEstimators", nEstimators);
        return this;
    }

    /** The shrinkage applied to every tree, in (0, 1]. */
    public GradientBoostingRegressor setLearningRate(double learningRate) {
        this.learningRate = TreeSettings.requireFraction("learningRate", learningRate);
        return this;
    }

    /** The share of rows each tree is trained on, in (0, 1]. */
    public GradientBoostingRegressor setSubsample(double subsample) {
        this.subsample = TreeSettings.requireFraction("subsample", subsample);
        return this;
    }

    @Override
    Trained train(double[][] X, double[] y, TreeSettings settings) {
        return new Trained(ensemble(smileModel(X, y, settings)));
    }

    /** Smile's least-squares boosting trained on X. */
    GradientTreeBoost smileModel(double[][] X, double[] y, TreeSettings settings) {
        var options = new GradientTreeBoost.Options(Loss.ls(), nEstimators, settings.smileMaxDepth(),
                settings.smileMaxNodes(X.length), settings.minSamplesLeaf(), learningRate, subsample, null, null);
        MathEx.setSeed(settings.seed());
        return GradientTreeBoost.fit(SmileData.TARGET, SmileData.regression(X, y), options);
    }

    /** Smile's trees read as an ensemble: leaves times the shrinkage, the intercept as base. */
    TreeEnsemble ensemble(GradientTreeBoost model) {
        List<TreeNode> trees = new ArrayList<>();
        List<int[]> columns = new ArrayList<>();
        for (RegressionTree tree : model.trees()) {
            trees.add(SmileTrees.read(tree.root(), leaf -> SmileTrees.output(leaf, learningRate)));
            columns.add(new int[] {0});
        }
        return new TreeEnsemble(trees, columns.toArray(int[][]::new), 1, new double[] {SmileTrees.intercept(model)});
    }
}

package org.fheml.models.tree;

import java.util.ArrayList;
import java.util.List;
import smile.classification.GradientTreeBoost;
import smile.math.MathEx;
import smile.regression.RegressionTree;

/**
 * A gradient-boosted trees classifier on encrypted data, trained with Smile's GradientTreeBoost (the counterpart of
 * Concrete ML's XGBClassifier) on features quantized to n_bits (6 by default); 20 trees of depth 3 and a learning
 * rate of 0.3 by default, as XGBoost. Two classes give one score f = b + Σ shrinkage·tree(x), with
 * P(second class) = 1 / (1 + exp(−2f)); k classes give one tree sequence and one score per class, and a softmax.
 * Leaves hold shrinkage·output; the intercept b is added in the clear.
 */
public final class GradientBoostingClassifier extends TreeClassifierBase<GradientBoostingClassifier> {

    private int nEstimators = 20;
    private double learningRate = 0.3;
    private double subsample = 1.0;

    public GradientBoostingClassifier() {
        super(3);
    }

    /** The boosting rounds (trees per class when there are more than two). */
    public GradientBoostingClassifier setNEstimators(int nEstimators) {
        this.nEstimators = TreeSettings.requirePositive("nEstimators", nEstimators);
        return this;
    }

    /** The shrinkage applied to every tree, in (0, 1]. */
    public GradientBoostingClassifier setLearningRate(double learningRate) {
        this.learningRate = TreeSettings.requireFraction("learningRate", learningRate);
        return this;
    }

    /** The share of rows each tree is trained on, in (0, 1]. */
    public GradientBoostingClassifier setSubsample(double subsample) {
        this.subsample = TreeSettings.requireFraction("subsample", subsample);
        return this;
    }

    @Override
    Trained train(double[][] X, int[] classIndices, int classCount, TreeSettings settings) {
        return new Trained(ensemble(smileModel(X, classIndices, settings)));
    }

    /** Smile's boosting trained on X with labels 0..classCount−1. */
    GradientTreeBoost smileModel(double[][] X, int[] classIndices, TreeSettings settings) {
        var options = new GradientTreeBoost.Options(nEstimators, settings.smileMaxDepth(),
                settings.smileMaxNodes(X.length), settings.minSamplesLeaf(), learningRate, subsample, null, null);
        MathEx.setSeed(settings.seed());
        return GradientTreeBoost.fit(SmileData.TARGET, SmileData.classification(X, classIndices), options);
    }

    /** Smile's trees read as an ensemble: leaves times the shrinkage, the binary intercept as base. */
    TreeEnsemble ensemble(GradientTreeBoost model) {
        RegressionTree[][] sequences = model.trees();
        List<TreeNode> trees = new ArrayList<>();
        List<int[]> columns = new ArrayList<>();
        for (int c = 0; c < sequences.length; c++) {
            for (RegressionTree tree : sequences[c]) {
                trees.add(SmileTrees.read(tree.root(), leaf -> SmileTrees.output(leaf, learningRate)));
                columns.add(new int[] {c});
            }
        }
        int scoreCount = sequences.length;
        double[] base = new double[scoreCount];
        if (scoreCount == 1) {
            base[0] = SmileTrees.intercept(model);
        }
        return new TreeEnsemble(trees, columns.toArray(int[][]::new), scoreCount, base);
    }

    @Override
    org.fheml.models.deploy.PostProcessing.Probabilities probabilityMap() {
        return org.fheml.models.deploy.PostProcessing.Probabilities.BOOSTING;
    }
}

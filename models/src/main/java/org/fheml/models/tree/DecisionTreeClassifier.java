package org.fheml.models.tree;

import java.util.List;

/**
 * A CART decision tree classifier (Gini, or entropy) on encrypted data, trained by fheml's {@link CartTrainer} (the trees
 * scikit-learn grows) on features quantized to n_bits (6 by default); unbounded depth unless {@link #setMaxDepth}
 * is called, as in Concrete ML. Each leaf holds its class shares, quantized (for two classes, the second's alone);
 * the argmax and normalisation run in the clear.
 */
public final class DecisionTreeClassifier extends TreeClassifierBase<DecisionTreeClassifier> {

    private SplitCriterion criterion = SplitCriterion.GINI;

    public DecisionTreeClassifier() {
        super(0);
    }

    /** The impurity the splits reduce: Gini (the default) or entropy. */
    public DecisionTreeClassifier setCriterion(SplitCriterion criterion) {
        this.criterion = SplitCriterion.require(criterion);
        return this;
    }

    @Override
    Trained train(double[][] X, int[] classIndices, int classCount, TreeSettings settings) {
        TreeNode root = CartTrainer.classification(X, CartTrainer.presort(X), classIndices, classCount, null,
                CartTrainer.Options.of(criterion.cart(), settings, 0), settings.seed());
        int[] columns = Links.votingColumns(classCount);
        return new Trained(new TreeEnsemble(List.of(Links.voting(root, 1)), new int[][] {columns}, columns.length,
                Links.votingBase(classCount)));
    }

    @Override
    org.fheml.models.deploy.PostProcessing.Probabilities probabilityMap() {
        return org.fheml.models.deploy.PostProcessing.Probabilities.VOTES;
    }
}

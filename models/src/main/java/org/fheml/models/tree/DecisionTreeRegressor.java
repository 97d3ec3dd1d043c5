package org.fheml.models.tree;

import java.util.List;

/**
 * A CART regression tree (squared error) on encrypted data, trained by fheml's {@link CartTrainer} on features
 * quantized to n_bits (6 by default); unbounded depth unless {@link #setMaxDepth} is called, as in Concrete ML.
 * Leaf values are quantized with op_leaves bits.
 */
public final class DecisionTreeRegressor extends TreeRegressorBase<DecisionTreeRegressor> {

    public DecisionTreeRegressor() {
        super(0);
    }

    @Override
    Trained train(double[][] X, double[] y, TreeSettings settings) {
        TreeNode root = CartTrainer.regression(X, CartTrainer.presort(X), y, null,
                CartTrainer.Options.of(CartTrainer.Criterion.SQUARED_ERROR, settings, 0), settings.seed());
        return new Trained(new TreeEnsemble(List.of(Links.scaled(root, 1)), new int[][] {{0}}, 1, new double[1]));
    }
}

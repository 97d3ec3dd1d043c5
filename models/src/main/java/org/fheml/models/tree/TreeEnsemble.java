package org.fheml.models.tree;

import java.util.List;

/**
 * A trained tree model in the form every estimator of this package shares: the score of column c of a row is
 * {@code base[c]} plus the sum, over the trees that feed c, of the value their leaf holds for c.
 *
 * @param trees       the trees, each with leaves of {@code columns[t].length} values
 * @param columns     per tree, the score column each of its leaf values is added to
 * @param scoreCount  the number of score columns
 * @param base        a constant per score column (the intercept of boosting, 0 otherwise)
 */
public record TreeEnsemble(List<TreeNode> trees, int[][] columns, int scoreCount, double[] base) {

    public TreeEnsemble {
        trees = List.copyOf(trees);
        if (trees.isEmpty() || columns.length != trees.size() || base.length != scoreCount) {
            throw new IllegalArgumentException("An ensemble needs at least one tree, one column list per tree and one "
                    + "base value per score column.");
        }
    }

    /** The float scores of a row, before any link (sigmoid, softmax, normalisation). */
    public double[] scores(double[] x) {
        double[] scores = base.clone();
        for (int t = 0; t < trees.size(); t++) {
            double[] values = trees.get(t).leafOf(x).values();
            for (int v = 0; v < values.length; v++) {
                scores[columns[t][v]] += values[v];
            }
        }
        return scores;
    }
}

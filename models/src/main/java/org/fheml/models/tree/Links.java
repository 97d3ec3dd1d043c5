package org.fheml.models.tree;


/** The maps from an ensemble's scores to class probabilities, applied in the clear after decryption. */
final class Links {

    private Links() {
    }

    /**
     * The score columns of a tree voting class probabilities: one per class, except for two classes, where the
     * second class's probability alone is summed (the first's is its complement), so that each leaf costs one
     * lookup instead of two.
     */
    static int[] votingColumns(int classCount) {
        return classCount == 2 ? new int[] {0} : allColumns(classCount);
    }

    /**
     * The base of voted scores: −1/2 for two classes, so that the one score (the averaged second-class probability
     * minus 1/2) is positive exactly when the second class wins; 0 for each class otherwise.
     */
    static double[] votingBase(int classCount) {
        return classCount == 2 ? new double[] {-0.5} : new double[classCount];
    }

    /** A leaf's votes for {@link #votingColumns}: its class probabilities times weight. */
    static double[] votes(double[] probabilities) {
        return probabilities.length == 2 ? new double[] {probabilities[1]} : probabilities;
    }

    /** The tree with every leaf's class shares turned into its {@link #votes}, times {@code weight}. */
    static TreeNode voting(TreeNode tree, double weight) {
        return map(tree, values -> votes(times(values, weight)));
    }

    /** The tree with every leaf's values times {@code weight}. */
    static TreeNode scaled(TreeNode tree, double weight) {
        return map(tree, values -> times(values, weight));
    }

    private static double[] times(double[] values, double weight) {
        double[] out = values.clone();
        for (int v = 0; v < out.length; v++) {
            out[v] *= weight;
        }
        return out;
    }

    private static TreeNode map(TreeNode node, java.util.function.UnaryOperator<double[]> leafValues) {
        return switch (node) {
            case TreeNode.Split s -> new TreeNode.Split(s.feature(), s.threshold(), map(s.left(), leafValues),
                    map(s.right(), leafValues));
            case TreeNode.Leaf leaf -> new TreeNode.Leaf(leafValues.apply(leaf.values()));
        };
    }

    /** The columns 0..k−1 a tree with one value per class feeds. */
    static int[] allColumns(int k) {
        int[] columns = new int[k];
        for (int c = 0; c < k; c++) {
            columns[c] = c;
        }
        return columns;
    }
}

package org.fheml.models.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.fheml.core.ClassLabels;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.junit.jupiter.api.Test;

/**
 * fheml's CART grows what scikit-learn grows: pure leaves when the rows allow it, zero-gain splits that open the
 * way to useful ones (XOR, where Smile's trees stop), the depth, leaf-size and leaf-count bounds, and the same tree
 * for the same seed.
 */
class CartTrainerTest {

    private static final CartTrainer.Options UNBOUNDED = new CartTrainer.Options(CartTrainer.Criterion.GINI, 0, 1,
            0, 0);

    private static int[] indices(ClassificationDataset d) {
        return ClassLabels.toIndices(d.labels(), ClassLabels.distinct(d.labels()));
    }

    private static int leaves(TreeNode node) {
        return node instanceof TreeNode.Split s ? leaves(s.left()) + leaves(s.right()) : 1;
    }

    /** The tree's splits, in preorder: its shape without the leaf values. */
    private static String splits(TreeNode node) {
        return node instanceof TreeNode.Split s
                ? "(" + s.feature() + "<=" + s.threshold() + " " + splits(s.left()) + " " + splits(s.right()) + ")"
                : "leaf";
    }

    private static int predicted(TreeNode tree, double[] x) {
        double[] p = tree.leafOf(x).values();
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            best = p[c] > p[best] ? c : best;
        }
        return best;
    }

    @Test
    void anUnboundedTreeFitsItsTrainingRowsExactly() {
        ClassificationDataset wine = Datasets.wine();
        int[] y = indices(wine);
        double[][] X = wine.features();
        TreeNode tree = CartTrainer.classification(X, CartTrainer.presort(X), y, 3, null, UNBOUNDED, 1);
        for (int i = 0; i < X.length; i++) {
            assertEquals(y[i], predicted(tree, X[i]), "row " + i);
            assertEquals(1.0, tree.leafOf(X[i]).values()[y[i]], "leaves are pure");
        }
    }

    @Test
    void xorNeedsAZeroGainSplitFirstAndGetsIt() {
        double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0, 0}, {0, 1}, {1, 0}, {1, 1}};
        int[] y = {0, 1, 1, 0, 0, 1, 1, 0};
        for (CartTrainer.Criterion criterion : new CartTrainer.Criterion[] {CartTrainer.Criterion.GINI,
                CartTrainer.Criterion.ENTROPY}) {
            TreeNode tree = CartTrainer.classification(X, CartTrainer.presort(X), y, 2, null,
                    new CartTrainer.Options(criterion, 0, 1, 0, 0), 3);
            for (int i = 0; i < X.length; i++) {
                assertEquals(y[i], predicted(tree, X[i]), criterion + " row " + i);
            }
            assertEquals(4, leaves(tree), criterion.name());
        }
    }

    @Test
    void depthLeafSizeAndLeafCountBoundsHold() {
        ClassificationDataset cancer = Datasets.breastCancer();
        double[][] X = cancer.features();
        int[][] sorted = CartTrainer.presort(X);
        int[] y = indices(cancer);
        TreeNode shallow = CartTrainer.classification(X, sorted, y, 2, null,
                new CartTrainer.Options(CartTrainer.Criterion.GINI, 3, 1, 0, 0), 1);
        assertEquals(3, shallow.depth());
        TreeNode fewLeaves = CartTrainer.classification(X, sorted, y, 2, null,
                new CartTrainer.Options(CartTrainer.Criterion.GINI, 0, 1, 5, 0), 1);
        assertEquals(5, leaves(fewLeaves), "best-first growth stops at maxLeafNodes");
        TreeNode bigLeaves = CartTrainer.classification(X, sorted, y, 2, null,
                new CartTrainer.Options(CartTrainer.Criterion.GINI, 0, 20, 0, 0), 1);
        java.util.Map<TreeNode.Leaf, Integer> counts = new java.util.IdentityHashMap<>();
        for (double[] row : X) {
            counts.merge(bigLeaves.leafOf(row), 1, Integer::sum);
        }
        assertTrue(counts.values().stream().allMatch(n -> n >= 20), counts.values().toString());
    }

    @Test
    void regressionLeavesHoldTheMeanOfTheirRows() {
        var diabetes = Datasets.diabetes();
        double[][] X = diabetes.features();
        double[] y = diabetes.targets();
        TreeNode stump = CartTrainer.regression(X, CartTrainer.presort(X), y, null,
                new CartTrainer.Options(CartTrainer.Criterion.SQUARED_ERROR, 1, 1, 0, 0), 1);
        TreeNode.Split split = (TreeNode.Split) stump;
        double[] sums = new double[2];
        int[] counts = new int[2];
        for (int i = 0; i < X.length; i++) {
            int side = X[i][split.feature()] <= split.threshold() ? 0 : 1;
            sums[side] += y[i];
            counts[side]++;
        }
        assertEquals(sums[0] / counts[0], ((TreeNode.Leaf) split.left()).values()[0], 1e-9);
        assertEquals(sums[1] / counts[1], ((TreeNode.Leaf) split.right()).values()[0], 1e-9);
    }

    @Test
    void theSameSeedGrowsTheSameTreeAndBootstrapCountsSumToTheRows() {
        ClassificationDataset wine = Datasets.wine();
        double[][] X = wine.features();
        int[][] sorted = CartTrainer.presort(X);
        int[] counts = CartTrainer.bootstrap(X.length, new SplittableRandom(5));
        assertEquals(X.length, java.util.Arrays.stream(counts).sum());
        var options = new CartTrainer.Options(CartTrainer.Criterion.GINI, 4, 1, 0, 3);
        TreeNode first = CartTrainer.classification(X, sorted, indices(wine), 3, counts, options, 9);
        TreeNode second = CartTrainer.classification(X, sorted, indices(wine), 3, counts, options, 9);
        for (double[] row : X) {
            assertArrayEquals(first.leafOf(row).values(), second.leafOf(row).values());
        }
    }

    @Test
    void estimatorsPassTheirCriterionAndBootstrapToTheTrainer() {
        ClassificationDataset wine = Datasets.wine();
        double[][] X = wine.features();
        int[] y = indices(wine);
        DecisionTreeClassifier gini = new DecisionTreeClassifier();
        DecisionTreeClassifier entropy = new DecisionTreeClassifier().setCriterion(SplitCriterion.ENTROPY);
        TreeNode giniTree = gini.train(X, y, 3, gini.settings).ensemble().trees().getFirst();
        TreeNode entropyTree = entropy.train(X, y, 3, entropy.settings).ensemble().trees().getFirst();
        org.junit.jupiter.api.Assertions.assertNotEquals(splits(giniTree), splits(entropyTree),
                "entropy grows another tree on wine");
        for (int i = 0; i < X.length; i++) {
            assertEquals(y[i], predicted(entropyTree, X[i]), "an unbounded entropy tree fits row " + i);
        }
        for (boolean bootstrap : new boolean[] {false, true}) {
            RandomForestClassifier forest = new RandomForestClassifier().setMaxDepth(0).setBootstrap(bootstrap);
            TreeEnsemble ensemble = forest.train(X, y, 3, forest.settings).ensemble();
            boolean everyTreeSawEveryRow = true;
            for (int i = 0; i < X.length; i++) {
                everyTreeSawEveryRow &= Math.abs(ensemble.scores(X[i])[y[i]] - 1) < 1e-9;
            }
            assertEquals(!bootstrap, everyTreeSawEveryRow, "bootstrap " + bootstrap
                    + ": unbounded trees on every row vote their training rows' class unanimously");
        }
    }

    @Test
    void presortOrdersEveryFeatureStably() {
        double[][] X = Datasets.breastCancer().features();
        int[][] order = CartTrainer.presort(X);
        for (int j = 0; j < X[0].length; j++) {
            int feature = j;
            int[] expected = java.util.stream.IntStream.range(0, X.length).boxed()
                    .sorted(java.util.Comparator.comparingDouble(i -> X[i][feature])).mapToInt(Integer::intValue)
                    .toArray();
            assertArrayEquals(expected, order[j], "feature " + j);
        }
    }
}

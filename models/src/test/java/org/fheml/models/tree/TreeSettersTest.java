package org.fheml.models.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fheml.core.FheMode;
import org.fheml.core.datasets.Datasets;
import org.fheml.models.NotCompiledException;
import org.fheml.quantization.TreeNBits;
import org.junit.jupiter.api.Test;

/** Defaults follow Concrete ML, setters reject impossible values with a message naming them. */
class TreeSettersTest {

    @Test
    void defaultsFollowConcreteMl() {
        assertEquals(TreeNBits.of(6), new DecisionTreeClassifier().nBits());
        assertEquals(TreeNBits.of(6), new GradientBoostingRegressor().nBits());
        assertEquals(EnsembleOutput.PER_TREE, new RandomForestClassifier().ensembleOutput());
        var wine = Datasets.wine();
        int depth = new RandomForestClassifier().fit(wine.features(), wine.labels()).quantizedEnsemble().trees()
                .stream().mapToInt(TreeSettersTest::depth).max().orElseThrow();
        assertEquals(4, depth, "forests grow trees of depth 4");
        int boosted = new GradientBoostingClassifier().fit(wine.features(), wine.labels()).quantizedEnsemble().trees()
                .stream().mapToInt(TreeSettersTest::depth).max().orElseThrow();
        assertEquals(3, boosted, "boosting grows trees of depth 3");
        assertEquals(20 * 3, new GradientBoostingClassifier().fit(wine.features(), wine.labels())
                .quantizedEnsemble().trees().size(), "20 rounds of one tree per class");
    }

    @Test
    void invalidSettingsAreRejectedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TreeNBits(6, 7)).getMessage()
                .contains("op_leaves"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DecisionTreeClassifier().setNBits(17))
                .getMessage().contains("op_inputs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RandomForestRegressor().setMaxDepth(-1))
                .getMessage().contains("maxDepth"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RandomForestClassifier().setNEstimators(0))
                .getMessage().contains("nEstimators"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new GradientBoostingClassifier().setLearningRate(0)).getMessage().contains("learningRate"));
    }

    @Test
    void simulateNeedsCompileAndExecuteReachesTheRuntime() {
        var cancer = Datasets.breastCancer();
        var model = new DecisionTreeClassifier().setMaxDepth(3).fit(cancer.features(), cancer.labels());
        assertThrows(NotCompiledException.class, () -> model.predict(cancer.features(), FheMode.SIMULATE));
        model.compile(cancer.features());
        model.setNBits(5).fit(cancer.features(), cancer.labels());
        assertThrows(NotCompiledException.class, () -> model.predict(cancer.features(), FheMode.SIMULATE),
                "a refit drops the circuit of the previous model");
    }

    private static int depth(QuantizedNode node) {
        return node instanceof QuantizedNode.Split s ? 1 + Math.max(depth(s.left()), depth(s.right())) : 0;
    }
}

package org.fheml.models.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.Compiler;
import org.fheml.compilation.Encryption;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Summing the trees inside the circuit gives the scores summed in the clear, and the in-circuit argmax gives the
 * labels of the clear argmax, in DISABLE and in SIMULATE; the argmax's rounding keeps lookups within 16 bits.
 */
class EnsembleOutputTest {

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"DT, breast-cancer", "GB, breast-cancer", "RF, wine", "GB, wine"})
    void sumAndArgmaxInCircuitAgreeWithTheClear(String model, String dataset) {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(
                (ClassificationDataset) Datasets.byName(dataset), 0.2, 42);
        double[][] train = split.train().features();
        double[][] test = split.test().features();
        TreeClassifierBase<?> c = switch (model) {
            case "DT" -> new DecisionTreeClassifier().setMaxDepth(5);
            case "RF" -> new RandomForestClassifier();
            default -> new GradientBoostingClassifier();
        };
        c.fit(train, split.train().labels());
        int[] clearLabels = c.predict(test, FheMode.DISABLE);
        double[][] clearScores = c.decisionFunction(test, FheMode.DISABLE);

        c.setSumInCircuit(true).compile(train);
        assertEquals(EnsembleOutput.SUM, c.ensembleOutput());
        assertTrue(java.util.Arrays.deepEquals(clearScores, c.decisionFunction(test, FheMode.SIMULATE)));
        assertArrayEquals(clearLabels, c.predict(test, FheMode.DISABLE));

        c.setArgmaxInCircuit(true);
        assertThrows(org.fheml.models.NotCompiledException.class, () -> c.predict(test, FheMode.SIMULATE),
                "a circuit compiled for another output is dropped");
        c.compile(train);
        assertEquals(0, c.quantizedEnsemble().argmaxPlan().lsbs(), "default sums fit in 16 bits: no rounding");
        assertArrayEquals(clearLabels, c.predict(test, FheMode.DISABLE));
        assertArrayEquals(clearLabels, c.predict(test, FheMode.SIMULATE));
        assertEquals(1, c.fheCircuit().simulate(c.quantizeInput(test)[0]).length, "only the label leaves");
        IllegalStateException noScores = assertThrows(IllegalStateException.class, () -> c.predictProba(test));
        assertTrue(noScores.getMessage().contains("setArgmaxInCircuit(false)"), noScores.getMessage());
    }

    /** Leaves of 16 bits over several trees make sums of 20+ bits: the tournament rounds them before comparing. */
    @Test
    void wideSumsAreRoundedBeforeTheirComparisons() {
        SplittableRandom random = new SplittableRandom(3);
        List<TreeNode> trees = new java.util.ArrayList<>();
        int[][] columns = new int[6][];
        for (int t = 0; t < columns.length; t++) {
            trees.add(randomTree(random, 3, 3));
            columns[t] = new int[] {0, 1, 2};
        }
        TreeEnsemble ensemble = new TreeEnsemble(trees, columns, 3, new double[3]);
        assertEquals(0, QuantizedEnsemble.quantize(ensemble, 6, 6).argmaxPlan().lsbs());
        QuantizedEnsemble wide = QuantizedEnsemble.quantize(ensemble, 16, 16);
        assertTrue(wide.argmaxPlan().lsbs() > 0, "plan " + wide.argmaxPlan());
        GemmLowering lowering = new GemmLowering(wide, 3, 16);
        long[][] inputset = new long[64][3];
        for (long[] row : inputset) {
            for (int j = 0; j < 3; j++) {
                row[j] = random.nextLong(1 << 16);
            }
        }
        Circuit circuit = Compiler.of(Map.of("x", Encryption.ENCRYPTED),
                in -> lowering.lower(in.get("x"), EnsembleOutput.ARGMAX)).compile(inputset);
        assertTrue(CircuitStats.of(circuit).widestLookupInput() <= 16, CircuitStats.of(circuit).toString());
        for (long[] row : inputset) {
            assertArrayEquals(wide.evaluate(row, EnsembleOutput.ARGMAX), circuit.simulate(row));
        }
    }

    private static TreeNode randomTree(SplittableRandom random, int depth, int k) {
        if (depth == 0) {
            return new TreeNode.Leaf(random.doubles(k, 0, 1).toArray());
        }
        return new TreeNode.Split(random.nextInt(3), random.nextInt(1 << 16) + 0.5, randomTree(random, depth - 1, k),
                randomTree(random, depth - 1, k));
    }
}

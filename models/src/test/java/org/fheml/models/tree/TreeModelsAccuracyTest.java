package org.fheml.models.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.fheml.models.Metrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * At n_bits 6 (the defaults), the compiled circuit (SIMULATE) returns exactly what the integer program (DISABLE)
 * does on every test row, the quantized models keep a reasonable accuracy next to the same Smile models trained on
 * float features; thermometer circuits have no comparison and pair sibling leaves, integer circuits have the GEMM
 * stages with lookups of at most op_inputs bits, and both predict alike.
 * Every model is fitted and compiled once.
 */
class TreeModelsAccuracyTest {

    private static final Map<String, TreeClassifierBase<?>> CLASSIFIERS = new LinkedHashMap<>();
    private static final Map<String, Split<ClassificationDataset>> CLASSIFICATION = new LinkedHashMap<>();
    private static final Map<String, TreeRegressorBase<?>> REGRESSORS = new LinkedHashMap<>();
    private static Split<RegressionDataset> diabetes;

    private static Supplier<? extends TreeClassifierBase<?>> classifier(String name) {
        return switch (name) {
            case "DT" -> DecisionTreeClassifier::new;
            case "RF" -> RandomForestClassifier::new;
            case "GB" -> GradientBoostingClassifier::new;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Supplier<? extends TreeRegressorBase<?>> regressor(String name) {
        return switch (name) {
            case "DT" -> DecisionTreeRegressor::new;
            case "RF" -> RandomForestRegressor::new;
            case "GB" -> GradientBoostingRegressor::new;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @BeforeAll
    static void fitAndCompile() {
        for (String dataset : new String[] {"breast-cancer", "wine"}) {
            Split<ClassificationDataset> split = TrainTestSplit.stratified(
                    (ClassificationDataset) Datasets.byName(dataset), 0.2, 42);
            CLASSIFICATION.put(dataset, split);
            for (String model : new String[] {"DT", "RF", "GB"}) {
                TreeClassifierBase<?> c = classifier(model).get().fit(split.train().features(), split.train().labels());
                c.compile(split.train().features());
                CLASSIFIERS.put(model + "/" + dataset, c);
            }
        }
        diabetes = TrainTestSplit.shuffled(Datasets.diabetes(), 0.2, 42);
        for (String model : new String[] {"DT", "RF", "GB"}) {
            TreeRegressorBase<?> r = regressor(model).get().fit(diabetes.train().features(), diabetes.train().targets());
            r.compile(diabetes.train().features());
            REGRESSORS.put(model, r);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"DT, breast-cancer, 0.88", "RF, breast-cancer, 0.90", "GB, breast-cancer, 0.90",
            "DT, wine, 0.80", "RF, wine, 0.88", "GB, wine, 0.88"})
    void classifierSimulateEqualsDisableAndKeepsItsAccuracy(String model, String dataset, double floor) {
        TreeClassifierBase<?> c = CLASSIFIERS.get(model + "/" + dataset);
        Split<ClassificationDataset> split = CLASSIFICATION.get(dataset);
        double[][] test = split.test().features();
        long[][] q = c.state.quantizeFeatures(test);
        long[][] encoded = c.quantizeInput(test);
        for (int i = 0; i < q.length; i++) {
            assertArrayEquals(c.quantizedEnsemble().evaluate(q[i], EnsembleOutput.PER_TREE),
                    c.fheCircuit().simulate(encoded[i]), "row " + i);
        }
        int[] disable = c.predict(test, FheMode.DISABLE);
        assertArrayEquals(disable, c.predict(test, FheMode.SIMULATE));
        assertTrue(java.util.Arrays.deepEquals(c.predictProba(test, FheMode.DISABLE),
                c.predictProba(test, FheMode.SIMULATE)));
        double quantized = Metrics.accuracy(disable, split.test().labels());
        double reference = Metrics.accuracy(c.floatPredict(test), split.test().labels());
        CircuitStats stats = CircuitStats.of(c.fheCircuit());
        System.out.printf("%s on %s: float %.4f, quantized %.4f; %s%n", model, dataset, reference, quantized, stats);
        assertTrue(quantized >= floor, model + " on " + dataset + ": quantized accuracy " + quantized);
        assertTrue(reference >= floor - 0.03, model + " on " + dataset + ": float accuracy " + reference);
    }

    @ParameterizedTest(name = "{0} on diabetes")
    @CsvSource({"DT, -0.5", "RF, 0.40", "GB, 0.40"})
    void regressorSimulateEqualsDisableAndKeepsItsR2(String model, double floor) {
        TreeRegressorBase<?> r = REGRESSORS.get(model);
        double[][] test = diabetes.test().features();
        double[] disable = r.predict(test, FheMode.DISABLE);
        assertArrayEquals(disable, r.predict(test, FheMode.SIMULATE));
        double quantized = Metrics.r2(disable, diabetes.test().targets());
        double reference = Metrics.r2(r.floatPredict(test), diabetes.test().targets());
        System.out.printf("%s on diabetes: float R2 %.4f, quantized R2 %.4f; %s%n", model, reference, quantized,
                CircuitStats.of(r.fheCircuit()));
        assertTrue(quantized >= floor, model + ": quantized R2 " + quantized);
        assertTrue(quantized >= reference - 0.15, model + ": quantized R2 " + quantized + " vs float " + reference);
    }

    @Test
    void thermometerCircuitsCompareNothingAndPairSiblingLeaves() {
        for (Map.Entry<String, TreeClassifierBase<?>> entry : CLASSIFIERS.entrySet()) {
            TreeClassifierBase<?> c = entry.getValue();
            assertEquals(TreeInputEncoding.THERMOMETER, c.inputEncoding());
            CircuitStats stats = CircuitStats.of(c.fheCircuit());
            QuantizedEnsemble ensemble = c.quantizedEnsemble();
            int columns = ensemble.perTreeOutputCount() / ensemble.trees().size();
            assertEquals(2, stats.matmuls(), entry.getKey() + ": failure counts, then the per-tree gather");
            assertTrue(stats.lookups() < (long) ensemble.leafCount() * columns, entry.getKey()
                    + ": sibling leaves share a lookup, " + stats.lookups() + " for " + ensemble.leafCount());
            assertTrue(stats.lookups() * 2 >= (long) ensemble.leafCount() * columns, entry.getKey() + ": " + stats);
            int deepest = ensemble.trees().stream().mapToInt(TreeModelsAccuracyTest::depth).max().orElseThrow();
            int leafBits = 64 - Long.numberOfLeadingZeros(deepest);
            assertTrue(stats.widestLookupInput() <= Math.max(3, leafBits), entry.getKey() + ": " + stats);
            assertEquals(ThermometerCodeTest.levels(c) * c.featureCount(),
                    c.fheCircuit().graph().inputs().getFirst().shape().size());
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"DT, breast-cancer", "RF, breast-cancer", "GB, breast-cancer", "DT, wine", "RF, wine", "GB, wine"})
    void integerCircuitsHaveTheGemmStagesAndAgreeWithTheThermometerOnes(String model, String dataset) {
        Split<ClassificationDataset> split = CLASSIFICATION.get(dataset);
        double[][] test = split.test().features();
        TreeClassifierBase<?> c = classifier(model).get().setInputEncoding(TreeInputEncoding.INTEGERS)
                .fit(split.train().features(), split.train().labels());
        c.compile(split.train().features());
        assertArrayEquals(CLASSIFIERS.get(model + "/" + dataset).predict(test, FheMode.SIMULATE),
                c.predict(test, FheMode.SIMULATE), "the encoding changes the circuit, not the model");
        assertArrayEquals(c.predict(test, FheMode.DISABLE), c.predict(test, FheMode.SIMULATE));
        CircuitStats stats = CircuitStats.of(c.fheCircuit());
        QuantizedEnsemble ensemble = c.quantizedEnsemble();
        assertEquals(3, stats.matmuls(), "feature selection, paths, leaf values");
        assertEquals(ensemble.splitCount() + ensemble.leafCount(), stats.lookups(),
                "one comparison per split and one equality (or leaf value) per leaf");
        int deepest = ensemble.trees().stream().mapToInt(TreeModelsAccuracyTest::depth).max().orElseThrow();
        assertTrue(stats.widestLookupInput() <= Math.max(GemmLowering.COMPARISON_BITS,
                64 - Long.numberOfLeadingZeros(deepest)), "comparisons truncated to 4 bits: " + stats);
        assertEquals(c.featureCount(), c.fheCircuit().graph().inputs().getFirst().shape().size());
    }

    static int depth(QuantizedNode node) {
        return node instanceof QuantizedNode.Split s ? 1 + Math.max(depth(s.left()), depth(s.right())) : 0;
    }
}

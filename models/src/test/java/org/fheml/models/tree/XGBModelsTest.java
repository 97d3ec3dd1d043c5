package org.fheml.models.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.fheml.core.Classifier;
import org.fheml.core.FheMode;
import org.fheml.core.Regressor;
import org.fheml.core.conformance.ClassifierConformance;
import org.fheml.core.conformance.RegressorConformance;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.fheml.models.Metrics;
import org.fheml.quantization.TreeNBits;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * XGBClassifier and XGBRegressor trained with XGBoost4J at Concrete ML's defaults (20 trees of depth 3, n_bits 6):
 * they keep the estimator contract; quantized, they score within 1 point of the float XGBoost model over 5 splits
 * of breast cancer and wine; their circuits, thermometer or integer, return exactly the integer program's scores,
 * simulated on every test row and encrypted on a few (thermometer inputs).
 */
class XGBModelsTest {

    private static final int SPLITS = 5;

    @TestFactory
    Stream<DynamicContainer> conformance() {
        Supplier<Classifier> classifier = XGBClassifier::new;
        Supplier<Regressor> regressor = XGBRegressor::new;
        return Stream.of(DynamicContainer.dynamicContainer("XGBClassifier", ClassifierConformance.checks(classifier)),
                DynamicContainer.dynamicContainer("XGBRegressor", RegressorConformance.checks(regressor)));
    }

    @Test
    void defaultsFollowConcreteMl() {
        var wine = Datasets.wine();
        XGBClassifier c = new XGBClassifier().fit(wine.features(), wine.labels());
        assertEquals(TreeNBits.of(6), c.nBits());
        assertEquals(20 * 3, c.quantizedEnsemble().trees().size(), "20 rounds of one tree per class");
        assertEquals(3, c.quantizedEnsemble().trees().stream().mapToInt(TreeModelsAccuracyTest::depth).max()
                .orElseThrow());
    }

    @ParameterizedTest(name = "on {0}")
    @CsvSource({"breast-cancer", "wine"})
    void quantizedAccuracyIsWithinOnePointOfFloat(String dataset) {
        double quantized = 0;
        double reference = 0;
        for (int seed = 0; seed < SPLITS; seed++) {
            Split<ClassificationDataset> split = TrainTestSplit.stratified(
                    (ClassificationDataset) Datasets.byName(dataset), 0.2, seed);
            double[][] test = split.test().features();
            XGBClassifier c = new XGBClassifier().fit(split.train().features(), split.train().labels());
            quantized += Metrics.accuracy(c.predict(test, FheMode.DISABLE), split.test().labels()) / SPLITS;
            reference += Metrics.accuracy(c.floatPredict(test), split.test().labels()) / SPLITS;
        }
        System.out.printf("XGB on %s over %d splits: float %.4f, quantized %.4f%n", dataset, SPLITS, reference,
                quantized);
        assertTrue(quantized >= reference - 0.01, dataset + ": quantized " + quantized + ", float " + reference);
    }

    @ParameterizedTest(name = "{0} inputs")
    @CsvSource({"THERMOMETER", "INTEGERS"})
    void classifierCircuitsRunTheIntegerProgram(TreeInputEncoding encoding) {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(Datasets.breastCancer(), 0.2, 42);
        XGBClassifier c = new XGBClassifier().setInputEncoding(encoding).fit(split.train().features(),
                split.train().labels());
        c.compile(split.train().features());
        double[][] test = split.test().features();
        assertTrue(Arrays.deepEquals(c.decisionFunction(test, FheMode.DISABLE),
                c.decisionFunction(test, FheMode.SIMULATE)), "every test row");
        if (encoding == TreeInputEncoding.THERMOMETER) {
            // Encrypted on the default encoding only: the integer one costs a comparison lookup per split.
            double[][] rows = Arrays.copyOf(test, 3);
            assertTrue(Arrays.deepEquals(c.decisionFunction(rows, FheMode.DISABLE),
                    c.decisionFunction(rows, FheMode.EXECUTE)), "encrypted rows");
        }
    }

    @Test
    void multiClassArgmaxRunsInTheCircuitToo() {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(Datasets.wine(), 0.2, 42);
        XGBClassifier c = new XGBClassifier().fit(split.train().features(), split.train().labels());
        double[][] test = split.test().features();
        int[] perTree = c.predict(test, FheMode.DISABLE);
        c.setArgmaxInCircuit(true).compile(split.train().features());
        assertArrayEquals(perTree, c.predict(test, FheMode.DISABLE), "XGBoost's base margins are in the leaves");
        assertArrayEquals(perTree, c.predict(test, FheMode.SIMULATE));
    }

    @Test
    void regressorCircuitRunsTheIntegerProgram() {
        Split<RegressionDataset> split = TrainTestSplit.shuffled(Datasets.diabetes(), 0.2, 42);
        XGBRegressor r = new XGBRegressor().fit(split.train().features(), split.train().targets());
        r.compile(split.train().features());
        double[][] test = split.test().features();
        double[] disable = r.predict(test, FheMode.DISABLE);
        assertArrayEquals(disable, r.predict(test, FheMode.SIMULATE));
        double[][] rows = Arrays.copyOf(test, 2);
        assertArrayEquals(r.predict(rows, FheMode.DISABLE), r.predict(rows, FheMode.EXECUTE));
        double quantized = Metrics.r2(disable, split.test().targets());
        double reference = Metrics.r2(r.floatPredict(test), split.test().targets());
        System.out.printf("XGB regressor on diabetes: R2 float %.4f, quantized %.4f%n", reference, quantized);
        assertTrue(quantized >= reference - 0.1, "quantized R2 " + quantized + " vs float " + reference);
    }
}

package org.fheml.models.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Encrypted end to end, at the defaults (n_bits 6, thermometer inputs), every tree model returns on 20 test rows
 * exactly the scores of its integer program in the clear (DISABLE), hence the same labels.
 */
class TreeExecuteTest {

    private static final int ROWS = 20;

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"DT, breast-cancer", "RF, breast-cancer", "GB, breast-cancer", "DT, wine", "RF, wine", "GB, wine"})
    void classifiersExecuteExactlyTheirIntegerProgram(String model, String dataset) {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(
                (ClassificationDataset) Datasets.byName(dataset), 0.2, 42);
        TreeClassifierBase<?> c = switch (model) {
            case "DT" -> new DecisionTreeClassifier();
            case "RF" -> new RandomForestClassifier();
            default -> new GradientBoostingClassifier();
        };
        c.fit(split.train().features(), split.train().labels());
        c.compile(split.train().features());
        double[][] rows = Arrays.copyOf(split.test().features(), ROWS);
        long start = System.nanoTime();
        double[][] encrypted = c.decisionFunction(rows, FheMode.EXECUTE);
        double perRow = (System.nanoTime() - start) / 1e6 / ROWS;
        assertTrue(Arrays.deepEquals(c.decisionFunction(rows, FheMode.DISABLE), encrypted));
        assertArrayEquals(c.predict(rows, FheMode.DISABLE), c.predict(rows, FheMode.SIMULATE));
        System.out.printf("%s on %s: %d rows encrypted, %.0f ms per row, %s%n", model, dataset, ROWS, perRow,
                CircuitStats.of(c.fheCircuit()));
    }

    @org.junit.jupiter.api.Test
    void integerInputsWithTruncatedComparisonsExecuteExactlyToo() {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(Datasets.breastCancer(), 0.2, 42);
        TreeClassifierBase<?> c = new DecisionTreeClassifier().setMaxDepth(4)
                .setInputEncoding(TreeInputEncoding.INTEGERS).fit(split.train().features(), split.train().labels());
        c.compile(split.train().features());
        assertTrue(c.fheCircuit().format(false).contains("truncate_bit_pattern("), c.fheCircuit().format(false));
        double[][] rows = Arrays.copyOf(split.test().features(), 5);
        assertTrue(Arrays.deepEquals(c.decisionFunction(rows, FheMode.DISABLE), c.decisionFunction(rows,
                FheMode.EXECUTE)));
    }

    @ParameterizedTest(name = "{0} on diabetes")
    @CsvSource({"DT", "RF", "GB"})
    void regressorsExecuteExactlyTheirIntegerProgram(String model) {
        Split<RegressionDataset> split = TrainTestSplit.shuffled(Datasets.diabetes(), 0.2, 42);
        TreeRegressorBase<?> r = switch (model) {
            case "DT" -> new DecisionTreeRegressor().setMaxDepth(6);
            case "RF" -> new RandomForestRegressor();
            default -> new GradientBoostingRegressor();
        };
        r.fit(split.train().features(), split.train().targets());
        r.compile(split.train().features());
        double[][] rows = Arrays.copyOf(split.test().features(), 5);
        assertArrayEquals(r.predict(rows, FheMode.DISABLE), r.predict(rows, FheMode.EXECUTE));
    }
}

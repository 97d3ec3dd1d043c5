package org.fheml.models.tree;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.fheml.models.Metrics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * At the default n_bits 6, the quantized integer program (whose predictions SIMULATE and EXECUTE reproduce, as
 * the other tests show) scores within 1 point of the same Smile model trained on float features, on average over
 * ten stratified 80/20 splits: one split of wine tests 36 rows, where a single row is 2.8 points.
 */
class TreeAccuracyAcrossSplitsTest {

    private static final int SPLITS = 10;

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"DT, breast-cancer", "RF, breast-cancer", "GB, breast-cancer", "DT, wine", "RF, wine", "GB, wine"})
    void quantizedAccuracyIsWithinOnePointOfFloat(String model, String dataset) {
        Supplier<TreeClassifierBase<?>> factory = switch (model) {
            case "DT" -> DecisionTreeClassifier::new;
            case "RF" -> RandomForestClassifier::new;
            default -> GradientBoostingClassifier::new;
        };
        double quantized = 0;
        double reference = 0;
        for (int seed = 0; seed < SPLITS; seed++) {
            Split<ClassificationDataset> split = TrainTestSplit.stratified(
                    (ClassificationDataset) Datasets.byName(dataset), 0.2, seed);
            double[][] test = split.test().features();
            TreeClassifierBase<?> c = factory.get().fit(split.train().features(), split.train().labels());
            quantized += Metrics.accuracy(c.predict(test, FheMode.DISABLE), split.test().labels()) / SPLITS;
            reference += Metrics.accuracy(c.floatPredict(test), split.test().labels()) / SPLITS;
        }
        System.out.printf("%s on %s over %d splits: float %.4f, quantized %.4f%n", model, dataset, SPLITS, reference,
                quantized);
        assertTrue(quantized >= reference - 0.01, model + " on " + dataset + ": quantized " + quantized + ", float "
                + reference);
    }
}

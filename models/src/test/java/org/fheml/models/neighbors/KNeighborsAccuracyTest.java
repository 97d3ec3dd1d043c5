package org.fheml.models.neighbors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.fheml.models.Metrics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * At its defaults (3-bit inputs, 8 k-means prototypes per class, k = 3), the quantized k-NN (DISABLE, whose integers
 * SIMULATE reproduces and EXECUTE up to near-ties) scores within 2 points of float k-NN on every training row, as a
 * mean over five stratified 80/20 splits.
 */
@Tag("slow")
class KNeighborsAccuracyTest {

    private static final int SPLITS = 5;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"iris", "wine", "breast-cancer"})
    void quantizedAccuracyIsWithinTwoPointsOfFloat(String dataset) {
        double quantized = 0;
        double reference = 0;
        for (int seed = 0; seed < SPLITS; seed++) {
            Split<ClassificationDataset> split = TrainTestSplit.stratified(
                    (ClassificationDataset) Datasets.byName(dataset), 0.2, seed);
            double[][] test = split.test().features();
            KNeighborsClassifier c = new KNeighborsClassifier().fit(split.train().features(), split.train().labels());
            double q = Metrics.accuracy(c.predict(test, FheMode.DISABLE), split.test().labels());
            double f = Metrics.accuracy(c.floatPredict(test), split.test().labels());
            System.out.printf("knn %s split %d: float %.4f quantized %.4f (%d points, %d lookups, %d rounded bits)%n",
                    dataset, seed, f, q, c.referencePointCount(), c.lookupsPerRow(), c.comparisonRoundedBits());
            quantized += q / SPLITS;
            reference += f / SPLITS;
        }
        System.out.printf("knn %s over %d splits: float %.4f, quantized %.4f%n", dataset, SPLITS, reference, quantized);
        assertTrue(quantized >= reference - 0.02, dataset + ": quantized " + quantized + ", float " + reference);
    }

    @Test
    void regressorOnDiabetesIsWithinAFewHundredthsOfR2OfFloat() {
        double quantized = 0;
        double reference = 0;
        for (int seed = 0; seed < SPLITS; seed++) {
            Split<RegressionDataset> split = TrainTestSplit.shuffled(Datasets.diabetes(), 0.2, seed);
            double[][] test = split.test().features();
            KNeighborsRegressor r = new KNeighborsRegressor().fit(split.train().features(), split.train().targets());
            quantized += Metrics.r2(r.predict(test, FheMode.DISABLE), split.test().targets()) / SPLITS;
            reference += Metrics.r2(r.floatPredict(test), split.test().targets()) / SPLITS;
        }
        System.out.printf("knn regressor diabetes over %d splits: float R2 %.4f, quantized R2 %.4f%n", SPLITS,
                reference, quantized);
        assertTrue(quantized >= reference - 0.05, "quantized R2 " + quantized + ", float " + reference);
    }
}

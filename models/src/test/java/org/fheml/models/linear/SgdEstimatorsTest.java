package org.fheml.models.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.fheml.models.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SGDClassifier and SGDRegressor trained in the clear: accuracy, every mode, and their settings. */
class SgdEstimatorsTest {

    private static final Split<ClassificationDataset> CANCER =
            TrainTestSplit.stratified(Datasets.breastCancer(), 0.2, 42);
    private static final Split<RegressionDataset> DIABETES = TrainTestSplit.shuffled(Datasets.diabetes(), 0.2, 42);

    @ParameterizedTest
    @EnumSource(SGDClassifier.Loss.class)
    void everyClassifierLossLearnsBreastCancer(SGDClassifier.Loss loss) {
        for (SgdPenalty penalty : SgdPenalty.values()) {
            SGDClassifier model = new SGDClassifier().setLoss(loss).setPenalty(penalty)
                    .fit(CANCER.train().features(), CANCER.train().labels());
            double accuracy = Metrics.accuracy(CANCER.test().labels(), model.floatPredict(CANCER.test().features()));
            assertTrue(accuracy >= 0.93, loss + " " + penalty + ": " + accuracy);
        }
    }

    @ParameterizedTest
    @EnumSource(SgdLearningRate.class)
    void everyScheduleLearnsBreastCancerAndWine(SgdLearningRate rate) {
        SGDClassifier model = new SGDClassifier().setLearningRate(rate).setEta0(0.01)
                .fit(CANCER.train().features(), CANCER.train().labels());
        assertTrue(Metrics.accuracy(CANCER.test().labels(), model.floatPredict(CANCER.test().features())) >= 0.93);
        Split<ClassificationDataset> wine = TrainTestSplit.stratified(Datasets.wine(), 0.2, 42);
        SGDClassifier multi = new SGDClassifier().setLearningRate(rate).setEta0(0.01)
                .fit(wine.train().features(), wine.train().labels());
        assertEquals(3, multi.floatModel().outputs(), "one-vs-rest");
        assertTrue(Metrics.accuracy(wine.test().labels(), multi.floatPredict(wine.test().features())) >= 0.9);
    }

    @ParameterizedTest
    @EnumSource(SGDRegressor.Loss.class)
    void everyRegressorLossFitsDiabetes(SGDRegressor.Loss loss) {
        // OPTIMAL's first steps, 1 / (alpha · t0), diverge on unscaled targets, in scikit-learn too.
        for (SgdLearningRate rate : List.of(SgdLearningRate.CONSTANT, SgdLearningRate.INVSCALING,
                SgdLearningRate.ADAPTIVE)) {
            SGDRegressor model = new SGDRegressor().setLoss(loss).setLearningRate(rate)
                    .setEpsilon(loss == SGDRegressor.Loss.SQUARED_ERROR ? 0.1 : 1.0)
                    .fit(DIABETES.train().features(), DIABETES.train().targets());
            double r2 = Metrics.r2(model.floatPredict(DIABETES.test().features()), DIABETES.test().targets());
            assertTrue(r2 >= (loss == SGDRegressor.Loss.SQUARED_ERROR ? 0.4 : 0.3), loss + " " + rate + ": " + r2);
        }
    }

    @Test
    void executeEqualsDisableOnFiveRowsForBoth() {
        double[][] rows = Arrays.copyOf(CANCER.test().features(), 5);
        SGDClassifier classifier = new SGDClassifier().fit(CANCER.train().features(), CANCER.train().labels());
        classifier.compile(CANCER.train().features());
        assertArrayEquals(classifier.predict(rows, FheMode.DISABLE), classifier.predict(rows, FheMode.EXECUTE));
        double[][] targets = Arrays.copyOf(DIABETES.test().features(), 5);
        SGDRegressor regressor = new SGDRegressor().fit(DIABETES.train().features(), DIABETES.train().targets());
        regressor.compile(DIABETES.train().features());
        assertArrayEquals(regressor.predict(targets, FheMode.DISABLE), regressor.predict(targets, FheMode.EXECUTE));
    }

    @Test
    void settingsAreValidatedWithAMessageThatNamesThem() {
        assertThrows(IllegalArgumentException.class, () -> new SGDClassifier().setAlpha(-1));
        assertThrows(IllegalArgumentException.class, () -> new SGDClassifier().setL1Ratio(1.5));
        assertThrows(IllegalArgumentException.class, () -> new SGDRegressor().setMaxIter(0));
        IllegalArgumentException noEta = assertThrows(IllegalArgumentException.class,
                () -> new SGDClassifier().setLearningRate(SgdLearningRate.CONSTANT)
                        .fit(CANCER.train().features(), CANCER.train().labels()));
        assertTrue(noEta.getMessage().contains("eta0"), noEta.getMessage());
        IllegalStateException notEncrypted = assertThrows(IllegalStateException.class,
                () -> new SGDClassifier().fit(CANCER.train().features(), CANCER.train().labels(), FheMode.SIMULATE));
        assertTrue(notEncrypted.getMessage().contains("setFitEncrypted"), notEncrypted.getMessage());
    }

    @Test
    void aSeedFixesTheFit() {
        double[][] a = new SGDClassifier().setSeed(3).fit(CANCER.train().features(), CANCER.train().labels())
                .floatModel().weights();
        double[][] b = new SGDClassifier().setSeed(3).fit(CANCER.train().features(), CANCER.train().labels())
                .floatModel().weights();
        assertArrayEquals(a, b);
    }
}

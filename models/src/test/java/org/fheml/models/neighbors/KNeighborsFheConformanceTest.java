package org.fheml.models.neighbors;

import java.util.stream.Stream;
import org.fheml.compilation.Exactness;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.fheml.models.conformance.FheConformance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Both k-NN estimators pass the FHE checks (SIMULATE without errors equal to DISABLE on every test row, EXECUTE
 * equal to DISABLE on 5 rows under {@code slow}, on {@value FheConformance#EXECUTE_ROWS} in the default suite, whose
 * EXECUTE cases take 30–60 s on the shared machine). The default suite runs small circuits with exact roundings, so that EXECUTE must
 * equal DISABLE bit for bit: nearest prototype (k = 1) among 3 k-means prototypes, on iris and on diabetes (each
 * exact rounding costs a bootstrap per bit, so larger exact circuits take minutes). The slow cases run k = 3
 * among 6 prototypes on iris, 4 on diabetes and 4 on breast cancer.
 */
class KNeighborsFheConformanceTest {

    private static final int EXECUTE_ROWS = 5;

    @TestFactory
    Stream<DynamicTest> classifierOnIris() {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(Datasets.iris(), 0.2, 42);
        return FheConformance.classifier(() -> new KNeighborsClassifier().setNPrototypes(3).setNNeighbors(1)
                .setRoundingExactness(Exactness.EXACT), split);
    }

    @TestFactory
    Stream<DynamicTest> regressorOnDiabetes() {
        Split<RegressionDataset> split = TrainTestSplit.shuffled(Datasets.diabetes(), 0.2, 42);
        return FheConformance.regressor(() -> new KNeighborsRegressor().setNPrototypes(3).setNNeighbors(1)
                .setRoundingExactness(Exactness.EXACT), split);
    }

    @Tag("slow")
    @TestFactory
    Stream<DynamicTest> classifierOnIrisKEquals3() {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(Datasets.iris(), 0.2, 42);
        return FheConformance.classifier(() -> new KNeighborsClassifier().setNPrototypes(6)
                .setRoundingExactness(Exactness.EXACT), split, EXECUTE_ROWS);
    }

    @Tag("slow")
    @TestFactory
    Stream<DynamicTest> regressorOnDiabetesKEquals3() {
        Split<RegressionDataset> split = TrainTestSplit.shuffled(Datasets.diabetes(), 0.2, 42);
        return FheConformance.regressor(() -> new KNeighborsRegressor().setNPrototypes(4)
                .setRoundingExactness(Exactness.EXACT), split, EXECUTE_ROWS);
    }

    @Tag("slow")
    @TestFactory
    Stream<DynamicTest> classifierOnBreastCancerExact() {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(Datasets.breastCancer(), 0.2, 42);
        return FheConformance.classifier(() -> new KNeighborsClassifier().setNPrototypes(4)
                .setRoundingExactness(Exactness.EXACT), split, EXECUTE_ROWS);
    }
}

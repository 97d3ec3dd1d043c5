package org.fheml.models.neural;

import java.util.stream.Stream;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.fheml.models.conformance.FheConformance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Both network estimators pass the FHE checks of every estimator (fit, compile, SIMULATE without errors equal to
 * DISABLE on every test row, EXECUTE equal to DISABLE on {@value FheConformance#EXECUTE_ROWS} rows), on wine (16
 * lookups per row) and diabetes. The regressor runs here at 3-bit weights and activations with 8-bit accumulators
 * (two rounded bits per neuron), to keep the default suite short; {@code MlpEncryptedTest} runs its defaults.
 */
class MlpFheConformanceTest {

    @TestFactory
    Stream<DynamicTest> classifierOnWine() {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(Datasets.wine(), 0.2, 42);
        return FheConformance.classifier(() -> new MLPClassifier().setEpochs(30), split);
    }

    @TestFactory
    Stream<DynamicTest> regressorOnDiabetes() {
        Split<RegressionDataset> split = TrainTestSplit.shuffled(Datasets.diabetes(), 0.2, 42);
        return FheConformance.regressor(() -> new MLPRegressor().setEpochs(30).setNBits(3)
                .setNAccumulatorBits(8), split);
    }
}

package org.fheml.models.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.fheml.models.Metrics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * At n_bits 8 the quantized models score within a point of their float models; the compiled circuit (SIMULATE)
 * predicts exactly what the integer program (DISABLE) does on every test row, and so does encrypted execution
 * (EXECUTE) on the rows it runs.
 */
class LinearModelsAccuracyTest {

    /** Test rows run encrypted per model and dataset. */
    private static final int EXECUTE_ROWS = 20;

    private static Supplier<? extends LinearClassifierBase<?>> classifier(String name) {
        return switch (name) {
            case "LogisticRegression" -> LogisticRegression::new;
            case "LinearSVC" -> LinearSVC::new;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Supplier<? extends LinearRegressorBase<?>> regressor(String name) {
        return switch (name) {
            case "LinearRegression" -> LinearRegression::new;
            case "Ridge" -> Ridge::new;
            case "Lasso" -> Lasso::new;
            case "ElasticNet" -> ElasticNet::new;
            case "LinearSVR" -> LinearSVR::new;
            case "PoissonRegressor" -> PoissonRegressor::new;
            case "GammaRegressor" -> GammaRegressor::new;
            case "TweedieRegressor" -> TweedieRegressor::new;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "LogisticRegression, breast-cancer", "LogisticRegression, iris", "LogisticRegression, wine",
            "LinearSVC, breast-cancer", "LinearSVC, iris", "LinearSVC, wine"})
    void classifiersKeepTheirAccuracyAndSimulateEqualsDisable(String model, String dataset) {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(
                (ClassificationDataset) Datasets.byName(dataset), 0.2, 42);
        double[][] train = split.train().features();
        double[][] test = split.test().features();
        LinearClassifierBase<?> classifier = classifier(model).get().setNBits(8).fit(train, split.train().labels());
        classifier.compile(train);
        int[] disable = classifier.predict(test, FheMode.DISABLE);
        assertArrayEquals(disable, classifier.predict(test, FheMode.SIMULATE));
        double[][] executed = java.util.Arrays.copyOf(test, EXECUTE_ROWS);
        assertArrayEquals(java.util.Arrays.copyOf(disable, EXECUTE_ROWS), classifier.predict(executed, FheMode.EXECUTE));
        assertArrayEquals(classifier.decisionFunction(executed, FheMode.DISABLE),
                classifier.decisionFunction(executed, FheMode.EXECUTE), "encrypted scores equal the clear ones exactly");
        double quantized = Metrics.accuracy(disable, split.test().labels());
        double reference = Metrics.accuracy(classifier.floatPredict(test), split.test().labels());
        assertEquals(reference, quantized, 0.01 + 1e-9, model + " on " + dataset);
        assertTrue(reference > 0.85, "the float model itself is poor: " + reference);
        assertEquals(0, classifier.fheCircuit().graph().nodes().stream()
                .filter(n -> n.op() instanceof org.fheml.compilation.Op.Lookup
                        || n.op() instanceof org.fheml.compilation.Op.Apply).count(), "a linear circuit has no lookup");
    }

    @ParameterizedTest(name = "{0} on diabetes")
    @CsvSource({"LinearRegression", "Ridge", "Lasso", "ElasticNet", "LinearSVR", "PoissonRegressor",
            "GammaRegressor", "TweedieRegressor"})
    void regressorsKeepTheirR2AndSimulateEqualsDisable(String model) {
        Split<RegressionDataset> split = TrainTestSplit.shuffled(Datasets.diabetes(), 0.2, 42);
        double[][] train = split.train().features();
        double[][] test = split.test().features();
        LinearRegressorBase<?> regressor = regressor(model).get().setNBits(8).fit(train, split.train().targets());
        regressor.compile(train);
        double[] disable = regressor.predict(test, FheMode.DISABLE);
        assertArrayEquals(disable, regressor.predict(test, FheMode.SIMULATE));
        assertArrayEquals(java.util.Arrays.copyOf(disable, EXECUTE_ROWS),
                regressor.predict(java.util.Arrays.copyOf(test, EXECUTE_ROWS), FheMode.EXECUTE));
        double quantized = Metrics.r2(disable, split.test().targets());
        double reference = Metrics.r2(regressor.floatPredict(test), split.test().targets());
        assertEquals(reference, quantized, 0.01, model);
    }
}

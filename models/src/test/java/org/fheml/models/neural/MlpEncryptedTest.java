package org.fheml.models.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CircuitParameters;
import org.fheml.compilation.CircuitStatistics;
import org.fheml.compilation.CompileOptions;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The networks encrypted: at the defaults, SIMULATE without bootstrap errors returns DISABLE's scores on every test
 * row and EXECUTE returns them on 10 rows per data set (iris in the default suite, the others slow), with one report
 * line per data set (bits, pruned weights, bootstraps per row, lookup precision, parameters, accuracy
 * float/DISABLE/EXECUTE, seconds and process CPU seconds per row, load average); and SIMULATE at a loose p_error shows
 * the accuracy EXECUTE has at that p_error.
 */
class MlpEncryptedTest {

    private static final int ROWS = 10;

    @Test
    void irisExecuteEqualsDisableOnTenRows() {
        executeEqualsDisable("iris", 60);
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"breast-cancer", "wine", "digits", "mnist-10k"})
    void executeEqualsDisableOnTenRows(String name) {
        executeEqualsDisable(name, MlpEstimatorBase.DEFAULT_EPOCHS);
    }

    @Tag("slow")
    @Test
    void regressorExecuteEqualsDisableOnTenRows() {
        Split<RegressionDataset> split = TrainTestSplit.shuffled(Datasets.diabetes(), 0.2, 42);
        MLPRegressor model = new MLPRegressor();
        model.fitBenchmark(split.train().features(), split.train().targets());
        Circuit circuit = model.compile(split.train().features());
        double[][] rows = Arrays.copyOf(split.test().features(), ROWS);
        double[] clear = model.predict(rows, FheMode.DISABLE);
        circuit.keygen();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        double[] encrypted = model.predict(rows, FheMode.EXECUTE);
        double seconds = (System.nanoTime() - start) / 1e9 / ROWS;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9 / ROWS;
        assertArrayEquals(clear, encrypted);
        report("diabetes", model, circuit, Metrics.r2(model.floatPredict(split.test().features()),
                split.test().targets()), Metrics.r2(model.predict(split.test().features()), split.test().targets()),
                Metrics.r2(encrypted, Arrays.copyOf(split.test().targets(), ROWS)), seconds, cpuSeconds);
    }

    /**
     * At p_error 0.05 per bootstrap, EXECUTE's accuracy on the test rows lies within the range SIMULATE shows over 5
     * seeds, widened by one row on each side (EXECUTE's own errors are one more draw of the same distribution).
     */
    @Tag("slow")
    @Test
    void simulateAtALoosePErrorShowsExecutesAccuracy() {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(Datasets.iris(), 0.4, 3);
        MLPClassifier model = new MLPClassifier().setHiddenLayerSizes(8).setEpochs(60);
        model.fit(split.train().features(), split.train().labels());
        model.compile(split.train().features(), CompileOptions.defaults().withPError(0.05));
        double[][] X = split.test().features();
        int[] y = split.test().labels();
        double low = 1;
        double high = 0;
        for (long seed = 1; seed <= 5; seed++) {
            double accuracy = Metrics.accuracy(model.setSimulateBootstrapErrors(true).setRandomSeed(seed)
                    .predict(X, FheMode.SIMULATE), y);
            low = Math.min(low, accuracy);
            high = Math.max(high, accuracy);
        }
        double clear = Metrics.accuracy(model.predict(X, FheMode.DISABLE), y);
        double encrypted = Metrics.accuracy(model.predict(X, FheMode.EXECUTE), y);
        System.out.printf(Locale.ROOT, "MLP iris at p_error 0.05: DISABLE %.4f, SIMULATE %.4f..%.4f over 5 seeds, "
                + "EXECUTE %.4f%n", clear, low, high, encrypted);
        double row = 1.0 / X.length;
        assertTrue(encrypted >= low - row - 1e-9 && encrypted <= high + row + 1e-9,
                "EXECUTE " + encrypted + " outside SIMULATE's " + low + ".." + high);
    }

    private static void executeEqualsDisable(String name, int epochs) {
        Split<ClassificationDataset> split = TrainTestSplit.stratified((ClassificationDataset) Datasets.byName(name),
                0.2, 42);
        MLPClassifier model = new MLPClassifier().setEpochs(epochs);
        model.fitBenchmark(split.train().features(), split.train().labels());
        Circuit circuit = model.compile(split.train().features());
        double[][] test = split.test().features();
        double[][] allClear = model.decisionFunction(test, FheMode.DISABLE);
        double[][] allSimulated = model.setSimulateBootstrapErrors(false).decisionFunction(test, FheMode.SIMULATE);
        for (int i = 0; i < test.length; i++) {
            assertArrayEquals(allClear[i], allSimulated[i], "SIMULATE without errors, test row " + i);
        }
        double[][] rows = Arrays.copyOf(test, ROWS);
        int[] clear = model.predict(rows, FheMode.DISABLE);
        double[][] clearScores = model.decisionFunction(rows, FheMode.DISABLE);
        circuit.keygen();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        double[][] encryptedScores = model.decisionFunction(rows, FheMode.EXECUTE);
        double seconds = (System.nanoTime() - start) / 1e9 / ROWS;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9 / ROWS;
        for (int i = 0; i < ROWS; i++) {
            assertArrayEquals(clearScores[i], encryptedScores[i], "row " + i);
        }
        // the labels of the encrypted scores (predict's argmax), without running the rows encrypted a second time
        int[] encrypted = labels(model.classes(), encryptedScores);
        assertArrayEquals(clear, encrypted);
        int[] head = Arrays.copyOf(split.test().labels(), ROWS);
        report(name, model, circuit, Metrics.accuracy(model.floatPredict(split.test().features()),
                split.test().labels()), Metrics.accuracy(model.predict(split.test().features()), split.test().labels()),
                Metrics.accuracy(encrypted, head), seconds, cpuSeconds);
    }

    private static void report(String name, MlpEstimatorBase<?> model, Circuit circuit, double floatScore,
            double disableScore, double executeScore, double secondsPerRow, double cpuSecondsPerRow) {
        MlpSettings s = model.settings();
        CircuitStatistics stats = circuit.statistics();
        String parameters = circuit.parameters() instanceof CircuitParameters.Bootstrapped b
                ? "n " + b.pbs().lweDimension() + ", k " + b.pbs().glweDimension() + ", N " + b.pbs().polynomialSize()
                : String.valueOf(circuit.parameters());
        System.out.printf(Locale.ROOT, "MLP-REPORT %s | w%d/a%d/in%d acc%d | pruned %d/%d | %d bootstraps/row | "
                        + "lookups read %d bits (values on %d) | %s | float %.4f DISABLE %.4f EXECUTE(%d rows) %.4f | "
                        + "%.2f s/row (process CPU %.2f s/row) at load %.1f%n", name, s.nWeightBits(),
                s.nActivationBits(), s.nInputBits(),
                s.nAccumulatorBits(), model.prunedWeights(), model.quantizedMlp().totalWeights(),
                stats.bootstrapCount(), stats.bootstrapPrecision(), stats.encodingBits(), parameters, floatScore,
                disableScore, ROWS, executeScore, secondsPerRow, cpuSecondsPerRow,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static int[] labels(int[] classes, double[][] scores) {
        int[] out = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            int best = 0;
            for (int c = 1; c < scores[i].length; c++) {
                best = scores[i][c] > scores[i][best] ? c : best;
            }
            out[i] = classes[best];
        }
        return out;
    }

    /** CPU time of the whole JVM (every bootstrap thread), so that a loaded machine's figure can be compared. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}

package org.fheml.models.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.fheml.core.FheMode;
import org.fheml.models.NotCompiledException;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.fheml.models.Metrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A QAT network trained on digits: its integer program agrees with the fake-quantized float forward pass of
 * training (the differential test of the two implementations), keeps every accumulator within its pruned width
 * and every lookup within the rounding threshold, and is reproducible from its seed.
 */
class MlpTrainingTest {

    private static Split<ClassificationDataset> split;
    private static MLPClassifier classifier;

    @BeforeAll
    static void train() {
        split = TrainTestSplit.stratified(Datasets.digits(), 0.2, 42);
        classifier = new MLPClassifier().setHiddenLayerSizes(24).setEpochs(30)
                .fit(split.train().features(), split.train().labels());
    }

    @Test
    void integerProgramAgreesWithTheFakeQuantizedForwardPass() {
        double[][] X = split.test().features();
        double[][] integer = classifier.quantizedMlp().predict(X);
        double[][] fake = Forwards.predict(classifier.trainedState, classifier.fittedSettings,
                classifier.quantizedMlp().scaling(), X);
        QuantizedLayer last = classifier.quantizedMlp().layers().get(classifier.quantizedMlp().layers().size() - 1);
        double[] step = last.accumulatorScale();
        int sameArgmax = 0;
        int withinStep = 0;
        for (int i = 0; i < X.length; i++) {
            if (argmax(integer[i]) == argmax(fake[i])) {
                sameArgmax++;
            }
            boolean close = true;
            for (int c = 0; c < step.length; c++) {
                close &= Math.abs(integer[i][c] - fake[i][c]) <= step[c];
            }
            if (close) {
                withinStep++;
            }
        }
        assertTrue(sameArgmax >= 0.99 * X.length, sameArgmax + " of " + X.length + " rows share their argmax");
        assertTrue(withinStep >= 0.99 * X.length, withinStep + " of " + X.length + " rows within one output step");
    }

    @Test
    void accumulatorsFitTheirWidthAndLookupsTheRoundingThreshold() {
        QuantizedMlp program = classifier.quantizedMlp();
        MlpSettings settings = classifier.settings();
        for (QuantizedLayer layer : program.layers()) {
            assertTrue(layer.accumulatorBits() <= settings.nAccumulatorBits(), layer.toString());
        }
        assertTrue(program.lookupBits() <= settings.roundingThresholdBits(), program.summary());
        assertEquals(24, program.lookupsPerRow());
        assertTrue(program.prunedWeights() > 0, "8-bit accumulators need pruning on 64 inputs");
        assertEquals(program.totalWeights() - program.prunedWeights(), countKept(classifier.trainedState));
        // the worst-case bounds hold on real rows too
        for (double[] row : split.test().features()) {
            long[] x = program.quantizeInput(row);
            for (QuantizedLayer layer : program.layers()) {
                long[] acc = new long[layer.outputs()];
                layer.accumulate(x, acc);
                long[] min = layer.accumulatorMin();
                long[] max = layer.accumulatorMax();
                for (int o = 0; o < acc.length; o++) {
                    assertTrue(acc[o] >= min[o] && acc[o] <= max[o]);
                }
                if (layer.output() instanceof LayerOutput.Lookup) {
                    long[] next = new long[acc.length];
                    layer.lookup(acc, next);
                    x = next;
                }
            }
        }
    }

    @Test
    void quantizedAccuracyIsCloseToTheFloatForwardPass() {
        double accuracy = Metrics.accuracy(classifier.predict(split.test().features()), split.test().labels());
        assertTrue(accuracy >= 0.9, "quantized digits accuracy " + accuracy);
    }

    @Test
    void theSameSeedGivesTheSameNetworkAndAnotherSeedAnother() {
        double[][] X = Arrays.copyOf(split.train().features(), 300);
        int[] y = Arrays.copyOf(split.train().labels(), 300);
        QuantizedMlp a = new MLPClassifier().setEpochs(5).setSeed(3).fit(X, y).quantizedMlp();
        QuantizedMlp b = new MLPClassifier().setEpochs(5).setSeed(3).fit(X, y).quantizedMlp();
        QuantizedMlp c = new MLPClassifier().setEpochs(5).setSeed(4).fit(X, y).quantizedMlp();
        for (int l = 0; l < a.layers().size(); l++) {
            assertTrue(Arrays.deepEquals(a.layers().get(l).weights(), b.layers().get(l).weights()));
            assertArrayEquals(a.layers().get(l).bias(), b.layers().get(l).bias());
        }
        assertFalse(Arrays.deepEquals(a.layers().get(0).weights(), c.layers().get(0).weights()));
    }

    @Test
    void simulateAndExecuteNeedACompiledCircuit() {
        MLPClassifier fresh = new MLPClassifier().setEpochs(5).fit(split.train().features(), split.train().labels());
        double[][] X = Arrays.copyOf(split.test().features(), 2);
        for (FheMode mode : List.of(FheMode.SIMULATE, FheMode.EXECUTE)) {
            NotCompiledException e = assertThrows(NotCompiledException.class, () -> fresh.predict(X, mode));
            assertTrue(e.getMessage().contains("compile"), e.getMessage());
        }
    }

    @Test
    void settingsThatCannotFitOneProductAreRejectedWithWhatToChange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MLPClassifier()
                .setNWeightBits(4).setNActivationBits(5).setNAccumulatorBits(8)
                .fit(split.train().features(), split.train().labels()));
        assertTrue(e.getMessage().contains("nAccumulatorBits"), e.getMessage());
        assertNotEquals(null, e.getMessage());
    }

    @Test
    void unsetWidthsAreChosenFromTheFeatureCountAndSetOnesKept() {
        MLPClassifier auto = new MLPClassifier();
        MlpSettings wine = auto.settingsFor(13);
        assertEquals(List.of(4, 4, 4, 10), List.of(wine.nWeightBits(), wine.nActivationBits(), wine.nInputBits(),
                wine.nAccumulatorBits()));
        MlpSettings digits = auto.settingsFor(64);
        assertEquals(List.of(3, 3, 3, 8), List.of(digits.nWeightBits(), digits.nActivationBits(),
                digits.nInputBits(), digits.nAccumulatorBits()));
        MlpSettings mnist = auto.settingsFor(784);
        assertEquals(List.of(3, 3, 2, 10), List.of(mnist.nWeightBits(), mnist.nActivationBits(), mnist.nInputBits(),
                mnist.nAccumulatorBits()));
        assertEquals(List.of(5, 4, 6), List.of(wine.roundingThresholdBits(), digits.roundingThresholdBits(),
                mnist.roundingThresholdBits()), "lookup widths: 5 bits for 4-bit activations, 4 up to 256 features");
        MlpSettings set = new MLPClassifier().setNAccumulatorBits(9).setNBits(5).settingsFor(13);
        assertEquals(List.of(5, 5, 12), List.of(set.nWeightBits(), set.nActivationBits(), set.nAccumulatorBits()),
                "setNBits widens a set accumulator to 2·5 + 2");
        assertEquals(12, new MLPClassifier().setNBits(5).settingsFor(64).nAccumulatorBits(),
                "an unset accumulator fits one product of the set widths");
    }

    @Test
    void fitBenchmarkTrainsTheFloatNetworkAndALaterFitForgetsIt() {
        Split<ClassificationDataset> wine = TrainTestSplit.stratified(Datasets.wine(), 0.2, 1);
        MLPClassifier model = new MLPClassifier().setEpochs(20);
        NeuralFitBenchmark<MLPClassifier> fitted = model.fitBenchmark(wine.train().features(), wine.train().labels());
        assertTrue(fitted.model() == model);
        double floatAccuracy = Metrics.accuracy(model.floatPredict(wine.test().features()), wine.test().labels());
        assertTrue(floatAccuracy >= 0.85, "float wine accuracy " + floatAccuracy);
        assertArrayEquals(fitted.floatNetwork().layerSizes(), new int[] {13, 16, 3});
        int[] benchmarkLabels = model.floatPredict(wine.test().features());
        model.fit(wine.train().features(), wine.train().labels());
        assertArrayEquals(benchmarkLabels, model.floatPredict(wine.test().features()),
                "after a plain fit, floatPredict trains the same seeded float network from the fit's data");
    }

    @Test
    void postTrainingQuantizationKeepsTheFloatNetworkItStartedFrom() {
        Split<ClassificationDataset> wine = TrainTestSplit.stratified(Datasets.wine(), 0.2, 1);
        MLPClassifier model = new MLPClassifier().setTrainingMode(TrainingMode.POST_TRAINING).setNWeightBits(4)
                .setNActivationBits(4).setNInputBits(4).setNAccumulatorBits(12).setRoundingThresholdBits(0)
                .setEpochs(30).fit(wine.train().features(), wine.train().labels());
        double floatAccuracy = Metrics.accuracy(model.floatPredict(wine.test().features()), wine.test().labels());
        double quantizedAccuracy = Metrics.accuracy(model.predict(wine.test().features()), wine.test().labels());
        assertTrue(quantizedAccuracy >= floatAccuracy - 0.1,
                "post-training quantized " + quantizedAccuracy + " vs float " + floatAccuracy);
        assertTrue(model.quantizedMlp().maxAccumulatorBits() <= 12);
        assertEquals(0, ((LayerOutput.Lookup) model.quantizedMlp().layers().get(0).output()).roundingLsbs());
    }

    private static int countKept(NetworkState state) {
        int kept = 0;
        for (boolean[] mask : state.kept) {
            for (boolean k : mask) {
                kept += k ? 1 : 0;
            }
        }
        return kept;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }
}

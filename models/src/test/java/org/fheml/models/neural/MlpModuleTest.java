package org.fheml.models.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.fheml.compilation.Exactness;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.quantization.QuantizedModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Differential: the network on the shared quantized-op layer ({@link MlpModule}) computes the integers of
 * {@link QuantizedMlp#evaluate} bit for bit, on the training rows and on random inputs over the whole input range,
 * for both roundings, one and two hidden layers, every activation, and the regressor's wide accumulators.
 */
class MlpModuleTest {

    private static final int RANDOM_ROWS = 400;

    @ParameterizedTest
    @EnumSource(Exactness.class)
    void classifierModuleEqualsTheIntegerProgram(Exactness rounding) {
        ClassificationDataset wine = Datasets.wine();
        MLPClassifier clf = new MLPClassifier().setEpochs(15).setRoundingExactness(rounding)
                .fit(wine.features(), wine.labels());
        assertSameIntegers(clf.quantizedMlp(), clf.quantizedModule(), wine.features());
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void twoHiddenLayersOfEveryActivationMapOneToOne(Activation activation) {
        ClassificationDataset cancer = Datasets.breastCancer();
        MLPClassifier clf = new MLPClassifier().setEpochs(8).setHiddenLayerSizes(12, 8).setActivation(activation)
                .fit(cancer.features(), cancer.labels());
        assertSameIntegers(clf.quantizedMlp(), clf.quantizedModule(), cancer.features());
    }

    @Test
    void regressorModuleEqualsTheIntegerProgram() {
        RegressionDataset diabetes = Datasets.diabetes();
        MLPRegressor reg = new MLPRegressor().setEpochs(10).fit(diabetes.features(), diabetes.targets());
        assertSameIntegers(reg.quantizedMlp(), reg.quantizedModule(), diabetes.features());
    }

    @Test
    void approximateRoundingCostsOneLookupPerHiddenNeuron() {
        ClassificationDataset wine = Datasets.wine();
        MLPClassifier clf = new MLPClassifier().setEpochs(5).setRoundingExactness(Exactness.APPROXIMATE)
                .fit(wine.features(), wine.labels());
        assertEquals(clf.quantizedMlp().lookupsPerRow(), clf.quantizedModule().lookupsPerRow());
    }

    private static void assertSameIntegers(QuantizedMlp mlp, QuantizedModule module, double[][] X) {
        for (int i = 0; i < X.length; i++) {
            long[] q = mlp.quantizeInput(X[i]);
            assertArrayEquals(q, module.quantizeInput(mlp.scaling().scale(new double[][] {X[i]}))[0],
                    "input row " + i);
            assertArrayEquals(mlp.evaluate(q), module.evaluate(q), "row " + i);
        }
        SplittableRandom random = new SplittableRandom(11);
        QuantParams in = mlp.input();
        for (int r = 0; r < RANDOM_ROWS; r++) {
            long[] q = new long[mlp.featureCount()];
            for (int j = 0; j < q.length; j++) {
                q[j] = random.nextLong(in.minInteger(), in.maxInteger() + 1);
            }
            assertArrayEquals(mlp.evaluate(q), module.evaluate(q), "random row " + r);
        }
    }
}

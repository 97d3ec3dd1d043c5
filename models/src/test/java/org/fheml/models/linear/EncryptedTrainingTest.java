package org.fheml.models.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.compilation.EncryptedValues;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.fheml.models.Metrics;
import org.junit.jupiter.api.Test;

/**
 * Logistic regression trained on encrypted breast cancer data: DISABLE and SIMULATE give the same weights epoch
 * after epoch, SIMULATE is within 3 points of float SGD after the same epochs, and an encrypted iteration, its
 * output weights kept encrypted as the next one's input, decrypts to the clear iterations' weights.
 */
class EncryptedTrainingTest {

    private static final Split<ClassificationDataset> CANCER =
            TrainTestSplit.stratified(Datasets.breastCancer(), 0.2, 42);

    private static SGDClassifier encrypted(int epochs) {
        return new SGDClassifier().setFitEncrypted(true).setMaxIter(epochs);
    }

    @Test
    void disableAndSimulateTrainTheSameWeightsEveryEpoch() {
        SGDClassifier disable = encrypted(2).fit(CANCER.train().features(), CANCER.train().labels(), FheMode.DISABLE);
        SGDClassifier simulate = encrypted(2).fit(CANCER.train().features(), CANCER.train().labels(),
                FheMode.SIMULATE);
        List<FloatLinearModel> a = disable.encryptedTrainingHistory().epochModels();
        List<FloatLinearModel> b = simulate.encryptedTrainingHistory().epochModels();
        assertEquals(2, a.size());
        for (int epoch = 0; epoch < 2; epoch++) {
            assertArrayEquals(a.get(epoch).weights(), b.get(epoch).weights(), "epoch " + (epoch + 1));
            assertArrayEquals(a.get(epoch).bias(), b.get(epoch).bias(), "epoch " + (epoch + 1));
        }
        assertEquals(CANCER.train().labels().length / 8, simulate.encryptedTrainingHistory().iterationsPerEpoch());
    }

    @Test
    void simulateIsWithinThreePointsOfFloatSgdAfterTheSameEpochs() {
        int epochs = 5;
        SGDClassifier trained = encrypted(epochs).fit(CANCER.train().features(), CANCER.train().labels(),
                FheMode.SIMULATE);
        double encryptedAccuracy = Metrics.accuracy(trained.floatPredict(CANCER.test().features()),
                CANCER.test().labels());
        SGDClassifier reference = new SGDClassifier().setLoss(SGDClassifier.Loss.LOG_LOSS).setMaxIter(epochs)
                .setTol(Double.NaN).fit(CANCER.train().features(), CANCER.train().labels());
        double floatAccuracy = Metrics.accuracy(reference.floatPredict(CANCER.test().features()),
                CANCER.test().labels());
        System.out.printf("breast cancer after %d epochs: encrypted training (SIMULATE) %.4f, float SGD %.4f%n",
                epochs, encryptedAccuracy, floatAccuracy);
        assertTrue(encryptedAccuracy >= floatAccuracy - 0.03, encryptedAccuracy + " against " + floatAccuracy);
        trained.compile(CANCER.train().features());
        assertArrayEquals(trained.predict(CANCER.test().features(), FheMode.DISABLE),
                trained.predict(CANCER.test().features(), FheMode.SIMULATE), "the trained model's inference");
    }

    @Test
    void twoEncryptedIterationsChainedOnCiphertextsDecryptToTheClearOnes() {
        TrainingEncoder encoder = TrainingEncoder.fit(CANCER.train().features(), 3);
        long[][] x = encoder.quantize(CANCER.train().features());
        int[] y = CANCER.train().labels();
        EncryptedSgdProgram program = new EncryptedSgdProgram(3, 2);
        Circuit circuit = program.compile(CompileOptions.defaults());
        long[] w = {40, -30, 7, -5};
        long[] clear = w;
        EncryptedValues weights = null;
        for (int it = 0; it < 2; it++) {
            long[] xb = new long[6];
            long[] yb = {y[2 * it], y[2 * it + 1]};
            System.arraycopy(x[2 * it], 0, xb, 0, 3);
            System.arraycopy(x[2 * it + 1], 0, xb, 3, 3);
            EncryptedValues arguments = circuit.encrypt(xb, yb, w);
            if (weights != null) {
                arguments = new EncryptedValues(List.of(arguments.values().get(0), arguments.values().get(1),
                        weights.values().getFirst()));
            }
            weights = circuit.run(arguments);
            clear = program.step(xb, yb, clear);
        }
        assertArrayEquals(clear, circuit.decrypt(weights));
        circuit.close();
    }

    @Test
    void moreThanTwoClassesTrainOneVsRestWithDisableEqualToSimulate() {
        Split<ClassificationDataset> iris = TrainTestSplit.stratified(Datasets.iris(), 0.2, 42);
        SGDClassifier disable = new SGDClassifier().setFitEncrypted(true).setMaxIter(5)
                .fit(iris.train().features(), iris.train().labels(), FheMode.DISABLE);
        SGDClassifier simulate = new SGDClassifier().setFitEncrypted(true).setMaxIter(5)
                .fit(iris.train().features(), iris.train().labels(), FheMode.SIMULATE);
        assertEquals(3, simulate.floatModel().outputs());
        assertArrayEquals(disable.floatModel().weights(), simulate.floatModel().weights());
        assertEquals(3 * (iris.train().labels().length / 8), simulate.encryptedTrainingHistory().iterationsPerEpoch());
        double accuracy = Metrics.accuracy(simulate.predictAfterEpoch(5, iris.test().features()),
                iris.test().labels());
        System.out.printf("iris, one-vs-rest encrypted training (SIMULATE), 5 epochs: %.4f%n", accuracy);
        assertTrue(accuracy >= 0.75, "accuracy " + accuracy);
    }
}

package org.fheml.models.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.fheml.compilation.CompileOptions;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A full epoch of encrypted training on breast cancer (455 rows, 56 batches of 8; 4 principal components, which
 * halves the products of the default 8): the weights the data owner decrypts equal SIMULATE's. It prints the
 * seconds of each iteration and of the epoch.
 */
@Tag("slow")
class EncryptedTrainingEpochTest {

    private static final int COMPONENTS = 4;

    @Test
    void oneEncryptedEpochOnBreastCancerEqualsSimulate() {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(Datasets.breastCancer(), 0.2, 42);
        TrainingEncoder encoder = TrainingEncoder.fit(split.train().features(), COMPONENTS);
        long[][] x = encoder.quantize(split.train().features());
        int[] y = split.train().labels();
        EncryptedSgdTraining simulated = new EncryptedSgdTraining(COMPONENTS, 8, 1, 42, CompileOptions.defaults());
        EncryptedTrainingHistory simulate = simulated.train(x, y, FheMode.SIMULATE, w -> encoder.toRaw(w, 1));
        EncryptedSgdTraining executed = new EncryptedSgdTraining(COMPONENTS, 8, 1, 42, CompileOptions.defaults())
                .onIteration((epoch, it, seconds) -> System.out.printf("epoch %d iteration %d: %.2f s%n", epoch + 1,
                        it + 1, seconds));
        EncryptedTrainingHistory execute = executed.train(x, y, FheMode.EXECUTE, w -> encoder.toRaw(w, 1));
        System.out.printf("EXECUTE epoch: %d iterations of %d bootstraps, %.1f s per epoch, %.2f s per iteration, "
                        + "setup %.1f s%n", execute.iterationsPerEpoch(), execute.bootstrapsPerIteration(),
                execute.epochSeconds().getFirst(), execute.secondsPerIteration(), execute.setupSeconds());
        assertEquals(y.length / 8, execute.iterationsPerEpoch());
        assertArrayEquals(simulated.weights(), executed.weights());
    }
}

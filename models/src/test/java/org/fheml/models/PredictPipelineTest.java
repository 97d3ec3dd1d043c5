package org.fheml.models;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.fheml.compilation.CompileOptions;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.fheml.models.tree.DecisionTreeClassifier;
import org.junit.jupiter.api.Test;

/** Model-level SIMULATE draws bootstrap errors at the circuit's p_error, from a seedable generator, or none. */
class PredictPipelineTest {

    @Test
    void simulateDrawsSeededBootstrapErrorsUnlessTurnedOff() {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(Datasets.breastCancer(), 0.3, 42);
        DecisionTreeClassifier c = new DecisionTreeClassifier().setMaxDepth(4)
                .fit(split.train().features(), split.train().labels());
        c.compile(split.train().features(), CompileOptions.defaults().withPError(0.1));
        double[][] X = split.test().features();
        double[][] clear = c.decisionFunction(X, FheMode.DISABLE);

        c.setSimulateBootstrapErrors(false);
        assertTrue(Arrays.deepEquals(clear, c.decisionFunction(X, FheMode.SIMULATE)), "no draw: SIMULATE = DISABLE");

        c.setSimulateBootstrapErrors(true).setRandomSeed(1);
        double[][] first = c.decisionFunction(X, FheMode.SIMULATE);
        assertTrue(Arrays.deepEquals(first, c.decisionFunction(X, FheMode.SIMULATE)), "one seed, the same errors");
        assertFalse(Arrays.deepEquals(clear, first), "at p_error 0.1 some of the rows' bootstraps fail");
        c.setRandomSeed(2);
        assertFalse(Arrays.deepEquals(first, c.decisionFunction(X, FheMode.SIMULATE)), "another seed, other errors");
    }
}

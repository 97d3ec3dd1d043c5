package org.fheml.models.linear;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.junit.jupiter.api.Test;

/** Smile's SVM solvers shuffle their samples: with one seed, two fits must give the same model. */
class SeededTrainingTest {

    @Test
    void linearSvcFitsAreReproducible() {
        ClassificationDataset data = Datasets.breastCancer();
        FloatLinearModel first = new LinearSVC().fit(data.features(), data.labels()).floatModel();
        FloatLinearModel second = new LinearSVC().fit(data.features(), data.labels()).floatModel();
        assertTrue(Arrays.deepEquals(first.weights(), second.weights()) && Arrays.equals(first.bias(), second.bias()));
    }

    @Test
    void linearSvrFitsAreReproducible() {
        RegressionDataset data = Datasets.diabetes();
        FloatLinearModel first = new LinearSVR().fit(data.features(), data.targets()).floatModel();
        FloatLinearModel second = new LinearSVR().fit(data.features(), data.targets()).floatModel();
        assertTrue(Arrays.deepEquals(first.weights(), second.weights()) && Arrays.equals(first.bias(), second.bias()));
    }
}

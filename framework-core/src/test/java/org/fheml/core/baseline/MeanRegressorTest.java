package org.fheml.core.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.stream.Stream;
import org.fheml.core.FheMode;
import org.fheml.core.conformance.RegressorConformance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class MeanRegressorTest {

    @TestFactory
    Stream<DynamicTest> conformance() {
        return RegressorConformance.checks(MeanRegressor::new);
    }

    @Test
    void predictsTheTrainingMean() {
        MeanRegressor regressor = new MeanRegressor().fit(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[] {1, 2, 6});
        for (FheMode mode : FheMode.values()) {
            assertArrayEquals(new double[] {3, 3}, regressor.predict(new double[][] {{0, 0}, {9, 9}}, mode), 1e-15);
        }
    }
}

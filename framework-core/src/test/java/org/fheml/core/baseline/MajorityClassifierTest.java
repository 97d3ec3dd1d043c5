package org.fheml.core.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.stream.Stream;
import org.fheml.core.FheMode;
import org.fheml.core.conformance.ClassifierConformance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class MajorityClassifierTest {

    @TestFactory
    Stream<DynamicTest> conformance() {
        return ClassifierConformance.checks(MajorityClassifier::new);
    }

    @Test
    void predictsTheMostFrequentLabelAndThePriors() {
        double[][] X = {{0}, {1}, {2}, {3}, {4}};
        int[] y = {9, 4, 9, 9, 4};
        MajorityClassifier classifier = new MajorityClassifier().fit(X, y);
        assertArrayEquals(new int[] {4, 9}, classifier.classes());
        for (FheMode mode : FheMode.values()) {
            assertArrayEquals(new int[] {9, 9}, classifier.predict(new double[][] {{-5}, {50}}, mode));
            assertArrayEquals(new double[] {0.4, 0.6}, classifier.predictProba(new double[][] {{1}}, mode)[0], 1e-15);
        }
    }

    @Test
    void aTieGoesToTheSmallestLabel() {
        MajorityClassifier classifier = new MajorityClassifier().fit(new double[][] {{0}, {1}}, new int[] {5, 2});
        assertArrayEquals(new int[] {2}, classifier.predict(new double[][] {{0}}));
    }
}

package org.fheml.models.neighbors;

import java.util.stream.Stream;
import org.fheml.core.conformance.ClassifierConformance;
import org.fheml.core.conformance.RegressorConformance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Both k-NN estimators keep the estimator contract, at their defaults and keeping every training row. */
class KNeighborsConformanceTest {

    @TestFactory
    Stream<DynamicTest> classifier() {
        return ClassifierConformance.checks(KNeighborsClassifier::new);
    }

    @TestFactory
    Stream<DynamicTest> regressor() {
        return RegressorConformance.checks(KNeighborsRegressor::new);
    }
}

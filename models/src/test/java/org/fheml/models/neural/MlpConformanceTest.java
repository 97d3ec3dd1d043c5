package org.fheml.models.neural;

import java.util.stream.Stream;
import org.fheml.core.conformance.ClassifierConformance;
import org.fheml.core.conformance.RegressorConformance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Both network estimators keep the estimator contract, at their defaults and in post-training mode. */
class MlpConformanceTest {

    @TestFactory
    Stream<DynamicTest> classifier() {
        return ClassifierConformance.checks(MLPClassifier::new);
    }

    @TestFactory
    Stream<DynamicTest> postTrainingClassifier() {
        return ClassifierConformance.checks(() -> new MLPClassifier().setTrainingMode(TrainingMode.POST_TRAINING)
                .setActivation(Activation.TANH));
    }

    @TestFactory
    Stream<DynamicTest> regressor() {
        return RegressorConformance.checks(MLPRegressor::new);
    }
}

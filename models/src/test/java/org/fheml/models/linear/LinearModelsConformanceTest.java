package org.fheml.models.linear;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.fheml.core.Classifier;
import org.fheml.core.Regressor;
import org.fheml.core.conformance.ClassifierConformance;
import org.fheml.core.conformance.RegressorConformance;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/** Every linear estimator keeps the estimator contract. */
class LinearModelsConformanceTest {

    @TestFactory
    Stream<DynamicContainer> classifiers() {
        return Stream.<Supplier<Classifier>>of(LogisticRegression::new, LinearSVC::new, SGDClassifier::new,
                        () -> new SGDClassifier().setLoss(SGDClassifier.Loss.LOG_LOSS).setPenalty(SgdPenalty.ELASTICNET))
                .map(factory -> DynamicContainer.dynamicContainer(factory.get().getClass().getSimpleName(),
                        ClassifierConformance.checks(factory)));
    }

    @TestFactory
    Stream<DynamicContainer> regressors() {
        return Stream.<Supplier<Regressor>>of(LinearRegression::new, Ridge::new, Lasso::new, ElasticNet::new,
                        LinearSVR::new, PoissonRegressor::new, GammaRegressor::new, TweedieRegressor::new,
                        () -> new TweedieRegressor().setPower(1.5), SGDRegressor::new,
                        () -> new SGDRegressor().setLoss(SGDRegressor.Loss.HUBER).setPenalty(SgdPenalty.L1))
                .map(factory -> DynamicContainer.dynamicContainer(factory.get().getClass().getSimpleName(),
                        RegressorConformance.checks(factory)));
    }
}

package org.fheml.models.tree;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.fheml.core.Classifier;
import org.fheml.core.Regressor;
import org.fheml.core.conformance.ClassifierConformance;
import org.fheml.core.conformance.RegressorConformance;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/** Every tree estimator keeps the estimator contract. */
class TreeModelsConformanceTest {

    @TestFactory
    Stream<DynamicContainer> classifiers() {
        return Stream.<Supplier<Classifier>>of(DecisionTreeClassifier::new, RandomForestClassifier::new,
                        GradientBoostingClassifier::new)
                .map(factory -> DynamicContainer.dynamicContainer(factory.get().getClass().getSimpleName(),
                        ClassifierConformance.checks(factory)));
    }

    @TestFactory
    Stream<DynamicContainer> regressors() {
        return Stream.<Supplier<Regressor>>of(DecisionTreeRegressor::new, RandomForestRegressor::new,
                        GradientBoostingRegressor::new)
                .map(factory -> DynamicContainer.dynamicContainer(factory.get().getClass().getSimpleName(),
                        RegressorConformance.checks(factory)));
    }
}

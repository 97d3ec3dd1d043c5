package org.fheml.models.linear;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.fheml.models.FheClassifier;
import org.fheml.models.FheRegressor;
import org.fheml.models.conformance.FheConformance;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/** Every linear estimator passes the FHE checks of the one predict pipeline. */
class LinearModelsFheConformanceTest {

    @TestFactory
    Stream<DynamicContainer> classifiers() {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(Datasets.breastCancer(), 0.2, 42);
        return Stream.<Supplier<FheClassifier>>of(LogisticRegression::new, LinearSVC::new, SGDClassifier::new)
                .map(factory -> DynamicContainer.dynamicContainer(factory.get().getClass().getSimpleName(),
                        FheConformance.classifier(factory, split)));
    }

    @TestFactory
    Stream<DynamicContainer> regressors() {
        Split<RegressionDataset> split = TrainTestSplit.shuffled(Datasets.diabetes(), 0.2, 42);
        return Stream.<Supplier<FheRegressor>>of(LinearRegression::new, Ridge::new, Lasso::new, ElasticNet::new,
                        LinearSVR::new, PoissonRegressor::new, GammaRegressor::new, TweedieRegressor::new,
                        SGDRegressor::new)
                .map(factory -> DynamicContainer.dynamicContainer(factory.get().getClass().getSimpleName(),
                        FheConformance.regressor(factory, split)));
    }
}

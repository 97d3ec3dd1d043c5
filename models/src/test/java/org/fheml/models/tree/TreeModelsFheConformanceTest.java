package org.fheml.models.tree;

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

/**
 * Every tree estimator passes the FHE checks of the one predict pipeline, with small ensembles so that the six
 * EXECUTE key generations stay cheap.
 */
class TreeModelsFheConformanceTest {

    @TestFactory
    Stream<DynamicContainer> classifiers() {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(Datasets.wine(), 0.3, 42);
        return Stream.<Supplier<FheClassifier>>of(() -> new DecisionTreeClassifier().setMaxDepth(3),
                        () -> new RandomForestClassifier().setNEstimators(5).setMaxDepth(3),
                        () -> new GradientBoostingClassifier().setNEstimators(5).setMaxDepth(2))
                .map(factory -> DynamicContainer.dynamicContainer(factory.get().getClass().getSimpleName(),
                        FheConformance.classifier(factory, split)));
    }

    @TestFactory
    Stream<DynamicContainer> regressors() {
        Split<RegressionDataset> split = TrainTestSplit.shuffled(Datasets.diabetes(), 0.2, 42);
        return Stream.<Supplier<FheRegressor>>of(() -> new DecisionTreeRegressor().setMaxDepth(3),
                        () -> new RandomForestRegressor().setNEstimators(5).setMaxDepth(3),
                        () -> new GradientBoostingRegressor().setNEstimators(5).setMaxDepth(2))
                .map(factory -> DynamicContainer.dynamicContainer(factory.get().getClass().getSimpleName(),
                        FheConformance.regressor(factory, split)));
    }
}

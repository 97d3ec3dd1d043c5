package org.fheml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

    @Test
    void everyEstimatorIsRegisteredUnderItsClassNameWithItsTask() {
        assertEquals(List.of("LogisticRegression", "LinearSVC", "LinearRegression", "Ridge", "Lasso", "ElasticNet",
                "LinearSVR", "PoissonRegressor", "GammaRegressor", "TweedieRegressor", "DecisionTreeClassifier",
                "RandomForestClassifier", "GradientBoostingClassifier", "DecisionTreeRegressor",
                "RandomForestRegressor", "GradientBoostingRegressor", "XGBClassifier", "XGBRegressor"),
                ModelRegistry.all().stream().map(ModelRegistry.Entry::name).toList());
        assertEquals("LogisticRegression, LinearSVC, DecisionTreeClassifier, RandomForestClassifier, "
                + "GradientBoostingClassifier, XGBClassifier", ModelRegistry.names(Task.CLASSIFICATION));
        assertTrue(ModelRegistry.all().stream().filter(e -> e.task() == Task.REGRESSION).count() == 12);
    }

    @Test
    void namesAreCaseInsensitive() {
        assertEquals("PoissonRegressor", ModelRegistry.find(" poissonREGRESSOR ").orElseThrow().name());
        assertTrue(ModelRegistry.find("Poisson").isEmpty());
        assertTrue(ModelRegistry.find(null).isEmpty());
    }

    @Test
    void eachEntryMakesAFreshModelAtTheGivenNBits() {
        ModelRegistry.Entry entry = ModelRegistry.find("ridge").orElseThrow();
        BenchModel a = entry.atNBits().apply(3);
        BenchModel b = entry.atNBits().apply(3);
        assertTrue(a != b && a instanceof BenchModel.OfRegressor);
    }
}

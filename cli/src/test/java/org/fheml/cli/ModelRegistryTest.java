package org.fheml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

    @Test
    void everyEstimatorIsRegisteredUnderItsClassNameWithItsTask() {
        assertEquals(List.of("LogisticRegression", "LinearSVC", "LinearRegression", "Ridge", "Lasso", "ElasticNet",
                "LinearSVR", "PoissonRegressor", "GammaRegressor", "TweedieRegressor", "SGDClassifier", "SGDRegressor",
                "DecisionTreeClassifier",
                "RandomForestClassifier", "GradientBoostingClassifier", "DecisionTreeRegressor",
                "RandomForestRegressor", "GradientBoostingRegressor", "XGBClassifier", "XGBRegressor", "MLPClassifier",
                "MLPRegressor", "KNeighborsClassifier", "KNeighborsRegressor"),
                ModelRegistry.all().stream().map(ModelRegistry.Entry::name).toList());
        assertEquals("LogisticRegression, LinearSVC, SGDClassifier, DecisionTreeClassifier, RandomForestClassifier, "
                + "GradientBoostingClassifier, XGBClassifier, MLPClassifier, KNeighborsClassifier",
                ModelRegistry.names(Task.CLASSIFICATION));
        assertTrue(ModelRegistry.all().stream().filter(e -> e.task() == Task.REGRESSION).count() == 15);
    }

    @Test
    void networksSweepWeightAndActivationBitsTogether() {
        ModelRegistry.Entry mlp = ModelRegistry.find("mlpclassifier").orElseThrow();
        assertEquals(List.of(2, 3, 4), mlp.sweep());
        assertEquals(3, mlp.defaultNBits());
        assertEquals(ModelRegistry.Entry.DEFAULT_SWEEP, ModelRegistry.find("ridge").orElseThrow().sweep());
        BenchModel.OfClassifier bench = (BenchModel.OfClassifier) mlp.atNBits().apply(2);
        org.fheml.models.neural.MLPClassifier model = (org.fheml.models.neural.MLPClassifier) bench.model();
        assertEquals(2, model.settingsFor(10).nWeightBits());
        assertEquals(2, model.settingsFor(10).nActivationBits());
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

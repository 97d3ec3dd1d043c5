package org.fheml.core.conformance;

import static org.fheml.core.conformance.ConformanceAssertions.deepCopy;
import static org.fheml.core.conformance.ConformanceAssertions.ragged;
import static org.fheml.core.conformance.ConformanceAssertions.rejects;
import static org.fheml.core.conformance.ConformanceAssertions.resized;
import static org.fheml.core.conformance.ConformanceAssertions.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.fheml.core.FheMode;
import org.fheml.core.NotFittedException;
import org.fheml.core.Regressor;
import org.junit.jupiter.api.DynamicTest;

/**
 * The contract every fheml regressor must keep, the counterpart of scikit-learn's {@code check_estimator}.
 * Apply it from a {@code @TestFactory} with a supplier of new, unfitted estimators:
 * {@code return RegressorConformance.checks(() -> new Ridge());}.
 */
public final class RegressorConformance {

    private RegressorConformance() {
    }

    /** Every check, each as its own dynamic test. */
    public static Stream<DynamicTest> checks(Supplier<? extends Regressor> factory) {
        return Stream.of(
                dynamicTest("fit returns the estimator itself", () -> fitReturnsItself(factory)),
                dynamicTest("everything fitted throws NotFittedException before fit", () -> notFittedBeforeFit(factory)),
                dynamicTest("a second fit forgets the first", () -> secondFitForgetsFirst(factory)),
                dynamicTest("predict is deterministic and finite, one value per row", () -> predictIsDeterministic(factory)),
                dynamicTest("fit and predict leave their inputs unchanged", () -> inputsUnchanged(factory)),
                dynamicTest("a wrong feature count is rejected with both counts", () -> wrongFeatureCount(factory)),
                dynamicTest("NaN and infinite values are rejected with their position", () -> nonFinite(factory)),
                dynamicTest("ragged, empty and null inputs are rejected", () -> malformed(factory)),
                dynamicTest("targets that do not match X are rejected", () -> mismatchedTargets(factory)));
    }

    private static void fitReturnsItself(Supplier<? extends Regressor> factory) {
        Regressor regressor = factory.get();
        ConformanceData.Targets data = ConformanceData.regression();
        assertSame(regressor, regressor.fit(data.X(), data.y()));
    }

    private static void notFittedBeforeFit(Supplier<? extends Regressor> factory) {
        Regressor regressor = factory.get();
        double[][] X = ConformanceData.regression().X();
        assertFalse(regressor.isFitted(), "isFitted() before fit");
        assertThrows(NotFittedException.class, () -> regressor.predict(X));
        for (FheMode mode : FheMode.values()) {
            assertThrows(NotFittedException.class, () -> regressor.predict(X, mode), mode::name);
        }
        assertThrows(NotFittedException.class, regressor::featureCount);
    }

    private static void secondFitForgetsFirst(Supplier<? extends Regressor> factory) {
        ConformanceData.Targets first = ConformanceData.regression();
        double[][] secondX = resized(first.X(), 2);
        double[] secondY = Arrays.stream(first.y()).map(v -> 40 - v).toArray();
        Regressor refitted = factory.get().fit(first.X(), first.y()).fit(secondX, secondY);
        Regressor fresh = factory.get().fit(secondX, secondY);
        assertTrue(refitted.isFitted());
        assertEquals(7, refitted.featureCount());
        assertArrayEquals(fresh.predict(secondX), refitted.predict(secondX),
                "a refitted estimator must predict like one fitted only on the second data");
        rejects(() -> refitted.predict(first.X()), "5", "7");
    }

    private static void predictIsDeterministic(Supplier<? extends Regressor> factory) {
        ConformanceData.Targets data = ConformanceData.regression();
        Regressor regressor = factory.get().fit(data.X(), data.y());
        double[] once = regressor.predict(data.X());
        assertEquals(data.X().length, once.length);
        for (double v : once) {
            assertTrue(Double.isFinite(v), "prediction " + v + " is not finite");
        }
        assertArrayEquals(once, regressor.predict(data.X()));
        assertArrayEquals(Arrays.copyOfRange(once, 5, 9), regressor.predict(Arrays.copyOfRange(data.X(), 5, 9)),
                "a row's prediction must not depend on the other rows of the batch");
    }

    private static void inputsUnchanged(Supplier<? extends Regressor> factory) {
        ConformanceData.Targets data = ConformanceData.regression();
        double[][] X = deepCopy(data.X());
        double[] y = data.y().clone();
        factory.get().fit(X, y).predict(X);
        assertTrue(Arrays.deepEquals(data.X(), X), "X was modified");
        assertArrayEquals(data.y(), y, "y was modified");
    }

    private static void wrongFeatureCount(Supplier<? extends Regressor> factory) {
        ConformanceData.Targets data = ConformanceData.regression();
        Regressor regressor = factory.get().fit(data.X(), data.y());
        rejects(() -> regressor.predict(resized(data.X(), 1)), "6", "5");
        rejects(() -> regressor.predict(resized(data.X(), -1)), "4", "5");
    }

    private static void nonFinite(Supplier<? extends Regressor> factory) {
        ConformanceData.Targets data = ConformanceData.regression();
        rejects(() -> factory.get().fit(with(data.X(), 3, 1, Double.NaN), data.y()), "NaN", "[3][1]");
        double[] badY = data.y().clone();
        badY[7] = Double.NaN;
        rejects(() -> factory.get().fit(data.X(), badY), "NaN", "y[7]");
        Regressor regressor = factory.get().fit(data.X(), data.y());
        rejects(() -> regressor.predict(with(data.X(), 5, 0, Double.NEGATIVE_INFINITY)), "Infinity", "[5][0]");
    }

    private static void malformed(Supplier<? extends Regressor> factory) {
        ConformanceData.Targets data = ConformanceData.regression();
        rejects(() -> factory.get().fit(ragged(data.X()), data.y()), "ragged");
        rejects(() -> factory.get().fit(new double[0][], new double[0]), "no rows");
        rejects(() -> factory.get().fit(null, data.y()), "null");
        Regressor regressor = factory.get().fit(data.X(), data.y());
        rejects(() -> regressor.predict(ragged(data.X())), "ragged");
    }

    private static void mismatchedTargets(Supplier<? extends Regressor> factory) {
        ConformanceData.Targets data = ConformanceData.regression();
        rejects(() -> factory.get().fit(data.X(), Arrays.copyOf(data.y(), data.y().length + 1)),
                String.valueOf(data.y().length + 1), String.valueOf(data.y().length));
    }
}

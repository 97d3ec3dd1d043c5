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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.fheml.core.ClassLabels;
import org.fheml.core.Classifier;
import org.fheml.core.FheMode;
import org.fheml.core.NotFittedException;
import org.fheml.core.ProbabilisticClassifier;
import org.junit.jupiter.api.DynamicTest;

/**
 * The contract every fheml classifier must keep, the counterpart of scikit-learn's {@code check_estimator}.
 * An estimator's test applies it with
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> conformance() {
 *     return ClassifierConformance.checks(() -> new LogisticRegression());
 * }
 * }</pre>
 * Probabilistic classifiers are also checked for the shape, normalisation and column order of
 * {@code predictProba}. The factory must return a new, unfitted estimator at each call.
 */
public final class ClassifierConformance {

    private ClassifierConformance() {
    }

    /** Every check, each as its own dynamic test. */
    public static Stream<DynamicTest> checks(Supplier<? extends Classifier> factory) {
        List<DynamicTest> checks = new ArrayList<>(List.of(
                dynamicTest("fit returns the estimator itself", () -> fitReturnsItself(factory)),
                dynamicTest("everything fitted throws NotFittedException before fit", () -> notFittedBeforeFit(factory)),
                dynamicTest("classes are the sorted training labels and predictions are among them",
                        () -> predictionsAreTrainingLabels(factory)),
                dynamicTest("a second fit forgets the first", () -> secondFitForgetsFirst(factory)),
                dynamicTest("predict is deterministic, one label per row", () -> predictIsDeterministic(factory)),
                dynamicTest("fit and predict leave their inputs unchanged", () -> inputsUnchanged(factory)),
                dynamicTest("a wrong feature count is rejected with both counts", () -> wrongFeatureCount(factory)),
                dynamicTest("NaN and infinite values are rejected with their position", () -> nonFinite(factory)),
                dynamicTest("ragged, empty and null inputs are rejected", () -> malformed(factory)),
                dynamicTest("labels that do not match X are rejected", () -> mismatchedLabels(factory))));
        if (factory.get() instanceof ProbabilisticClassifier) {
            checks.add(dynamicTest("predictProba rows are distributions over classes()",
                    () -> probabilitiesAreDistributions(factory)));
            checks.add(dynamicTest("predictProba columns follow classes()", () -> probaColumnsFollowClasses(factory)));
        }
        return checks.stream();
    }

    private static void fitReturnsItself(Supplier<? extends Classifier> factory) {
        Classifier classifier = factory.get();
        ConformanceData.Labeled data = ConformanceData.binary();
        assertSame(classifier, classifier.fit(data.X(), data.y()));
    }

    private static void notFittedBeforeFit(Supplier<? extends Classifier> factory) {
        Classifier classifier = factory.get();
        double[][] X = ConformanceData.binary().X();
        assertFalse(classifier.isFitted(), "isFitted() before fit");
        assertThrows(NotFittedException.class, () -> classifier.predict(X));
        for (FheMode mode : FheMode.values()) {
            assertThrows(NotFittedException.class, () -> classifier.predict(X, mode), mode::name);
        }
        assertThrows(NotFittedException.class, classifier::classes);
        assertThrows(NotFittedException.class, classifier::featureCount);
        if (classifier instanceof ProbabilisticClassifier probabilistic) {
            for (FheMode mode : FheMode.values()) {
                assertThrows(NotFittedException.class, () -> probabilistic.predictProba(X, mode), mode::name);
            }
        }
    }

    private static void predictionsAreTrainingLabels(Supplier<? extends Classifier> factory) {
        ConformanceData.Labeled data = ConformanceData.binary();
        Classifier classifier = factory.get().fit(data.X(), data.y());
        assertTrue(classifier.isFitted(), "isFitted() after fit");
        assertArrayEquals(new int[] {3, 7}, classifier.classes());
        assertEquals(4, classifier.featureCount());
        for (int label : classifier.predict(data.X())) {
            assertTrue(label == 3 || label == 7, "predicted label " + label + " was never seen in training");
        }
    }

    private static void secondFitForgetsFirst(Supplier<? extends Classifier> factory) {
        ConformanceData.Labeled first = ConformanceData.binary();
        ConformanceData.Labeled second = ConformanceData.multiclass();
        Classifier refitted = factory.get().fit(first.X(), first.y()).fit(second.X(), second.y());
        Classifier fresh = factory.get().fit(second.X(), second.y());
        assertArrayEquals(new int[] {0, 1, 2}, refitted.classes());
        assertEquals(6, refitted.featureCount());
        assertArrayEquals(fresh.predict(second.X()), refitted.predict(second.X()),
                "a refitted estimator must predict like one fitted only on the second data");
        rejects(() -> refitted.predict(first.X()), "4", "6");
    }

    private static void predictIsDeterministic(Supplier<? extends Classifier> factory) {
        ConformanceData.Labeled data = ConformanceData.multiclass();
        Classifier classifier = factory.get().fit(data.X(), data.y());
        int[] once = classifier.predict(data.X());
        assertEquals(data.X().length, once.length);
        assertArrayEquals(once, classifier.predict(data.X()));
        assertArrayEquals(Arrays.copyOfRange(once, 5, 9), classifier.predict(Arrays.copyOfRange(data.X(), 5, 9)),
                "a row's prediction must not depend on the other rows of the batch");
    }

    private static void inputsUnchanged(Supplier<? extends Classifier> factory) {
        ConformanceData.Labeled data = ConformanceData.binary();
        double[][] X = deepCopy(data.X());
        int[] y = data.y().clone();
        Classifier classifier = factory.get().fit(X, y);
        classifier.predict(X);
        if (classifier instanceof ProbabilisticClassifier probabilistic) {
            probabilistic.predictProba(X);
        }
        assertTrue(Arrays.deepEquals(data.X(), X), "X was modified");
        assertArrayEquals(data.y(), y, "y was modified");
    }

    private static void wrongFeatureCount(Supplier<? extends Classifier> factory) {
        ConformanceData.Labeled data = ConformanceData.binary();
        Classifier classifier = factory.get().fit(data.X(), data.y());
        rejects(() -> classifier.predict(resized(data.X(), 1)), "5", "4");
        rejects(() -> classifier.predict(resized(data.X(), -1)), "3", "4");
        if (classifier instanceof ProbabilisticClassifier probabilistic) {
            rejects(() -> probabilistic.predictProba(resized(data.X(), 1)), "5", "4");
        }
    }

    private static void nonFinite(Supplier<? extends Classifier> factory) {
        ConformanceData.Labeled data = ConformanceData.binary();
        rejects(() -> factory.get().fit(with(data.X(), 3, 1, Double.NaN), data.y()), "NaN", "[3][1]");
        rejects(() -> factory.get().fit(with(data.X(), 0, 2, Double.POSITIVE_INFINITY), data.y()), "Infinity");
        Classifier classifier = factory.get().fit(data.X(), data.y());
        rejects(() -> classifier.predict(with(data.X(), 5, 0, Double.NaN)), "NaN", "[5][0]");
        if (classifier instanceof ProbabilisticClassifier probabilistic) {
            rejects(() -> probabilistic.predictProba(with(data.X(), 5, 0, Double.NaN)), "NaN");
        }
    }

    private static void malformed(Supplier<? extends Classifier> factory) {
        ConformanceData.Labeled data = ConformanceData.binary();
        rejects(() -> factory.get().fit(ragged(data.X()), data.y()), "ragged");
        rejects(() -> factory.get().fit(new double[0][], new int[0]), "no rows");
        rejects(() -> factory.get().fit(null, data.y()), "null");
        Classifier classifier = factory.get().fit(data.X(), data.y());
        rejects(() -> classifier.predict(ragged(data.X())), "ragged");
        rejects(() -> classifier.predict(new double[0][]), "no rows");
    }

    private static void mismatchedLabels(Supplier<? extends Classifier> factory) {
        ConformanceData.Labeled data = ConformanceData.binary();
        rejects(() -> factory.get().fit(data.X(), Arrays.copyOf(data.y(), data.y().length - 1)),
                String.valueOf(data.y().length - 1), String.valueOf(data.y().length));
        rejects(() -> factory.get().fit(data.X(), null), "y");
    }

    private static void probabilitiesAreDistributions(Supplier<? extends Classifier> factory) {
        for (ConformanceData.Labeled data : List.of(ConformanceData.binary(), ConformanceData.multiclass())) {
            ProbabilisticClassifier classifier = (ProbabilisticClassifier) factory.get().fit(data.X(), data.y());
            double[][] proba = classifier.predictProba(data.X());
            assertEquals(data.X().length, proba.length);
            for (double[] row : proba) {
                assertEquals(classifier.classes().length, row.length, "one column per class");
                double sum = 0;
                for (double p : row) {
                    assertTrue(p >= 0 && p <= 1, "probability " + p + " outside [0, 1]");
                    sum += p;
                }
                assertEquals(1.0, sum, 1e-9, "a predictProba row must sum to 1");
            }
        }
    }

    /** The column of the predicted label holds the row's largest probability (rows with a tied maximum aside). */
    private static void probaColumnsFollowClasses(Supplier<? extends Classifier> factory) {
        for (ConformanceData.Labeled data : List.of(ConformanceData.binary(), ConformanceData.multiclass())) {
            ProbabilisticClassifier classifier = (ProbabilisticClassifier) factory.get().fit(data.X(), data.y());
            int[] classes = classifier.classes();
            int[] predictedColumns = ClassLabels.toIndices(classifier.predict(data.X()), classes);
            double[][] proba = classifier.predictProba(data.X());
            for (int i = 0; i < proba.length; i++) {
                double predicted = proba[i][predictedColumns[i]];
                for (int c = 0; c < classes.length; c++) {
                    assertTrue(proba[i][c] <= predicted,
                            "row " + i + ": predicted label " + classes[predictedColumns[i]] + " has probability "
                                    + predicted + " but class " + classes[c] + " (column " + c + ") has " + proba[i][c]);
                }
            }
        }
    }
}

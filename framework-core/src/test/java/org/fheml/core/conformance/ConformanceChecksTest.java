package org.fheml.core.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.fheml.core.Classifier;
import org.fheml.core.FheMode;
import org.fheml.core.NotFittedException;
import org.fheml.core.ProbabilisticClassifier;
import org.fheml.core.baseline.MajorityClassifier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The conformance checks must fail on estimators that break the contract, and only on the broken part. */
class ConformanceChecksTest {

    /** Runs every check and returns the names of those that failed. */
    private static Set<String> failingChecks(Stream<DynamicTest> checks) {
        Map<String, Throwable> failures = new TreeMap<>();
        checks.forEach(check -> {
            try {
                check.getExecutable().execute();
            } catch (Throwable failure) {
                failures.put(check.getDisplayName(), failure);
            }
        });
        failures.values().forEach(f -> assertTrue(f instanceof AssertionFailedError,
                () -> "a check failed with " + f + " instead of an assertion failure"));
        return failures.keySet();
    }

    @Test
    void aConformingClassifierPassesEveryCheck() {
        assertEquals(Set.of(), failingChecks(ClassifierConformance.checks(MajorityClassifier::new)));
    }

    @Test
    void aClassifierThatIgnoresTheFeatureCountFails() {
        Supplier<Classifier> broken = () -> new Delegating(new MajorityClassifier()) {
            @Override
            public int[] predict(double[][] X, FheMode mode) {
                return delegate.predict(new double[X.length][delegate.featureCount()], mode);
            }
        };
        assertTrue(failingChecks(ClassifierConformance.checks(broken))
                .contains("a wrong feature count is rejected with both counts"));
    }

    @Test
    void aClassifierWhoseFitReturnsACopyFails() {
        Supplier<Classifier> broken = () -> new Delegating(new MajorityClassifier()) {
            @Override
            public ProbabilisticClassifier fit(double[][] X, int[] y) {
                return new MajorityClassifier().fit(X, y);
            }
        };
        assertTrue(failingChecks(ClassifierConformance.checks(broken)).contains("fit returns the estimator itself"));
    }

    @Test
    void probabilitiesThatDoNotFollowClassesFail() {
        Supplier<Classifier> broken = () -> new Delegating(new MajorityClassifier()) {
            @Override
            public double[][] predictProba(double[][] X, FheMode mode) {
                double[][] proba = super.predictProba(X, mode);
                for (double[] row : proba) {
                    double first = row[0];
                    row[0] = row[row.length - 1];
                    row[row.length - 1] = first;
                }
                return proba;
            }
        };
        assertEquals(Set.of("predictProba columns follow classes()"),
                failingChecks(ClassifierConformance.checks(broken)));
    }

    /** A classifier that forwards to another, for breaking one behaviour at a time. */
    private static class Delegating implements ProbabilisticClassifier {
        final MajorityClassifier delegate;

        Delegating(MajorityClassifier delegate) {
            this.delegate = delegate;
        }

        @Override
        public ProbabilisticClassifier fit(double[][] X, int[] y) {
            delegate.fit(X, y);
            return this;
        }

        @Override
        public int[] predict(double[][] X, FheMode mode) {
            return delegate.predict(X, mode);
        }

        @Override
        public double[][] predictProba(double[][] X, FheMode mode) {
            return delegate.predictProba(X, mode);
        }

        @Override
        public int[] classes() {
            return delegate.classes();
        }

        @Override
        public boolean isFitted() {
            return delegate.isFitted();
        }

        @Override
        public int featureCount() {
            if (!isFitted()) {
                throw new NotFittedException("Delegating", "featureCount");
            }
            return delegate.featureCount();
        }
    }
}

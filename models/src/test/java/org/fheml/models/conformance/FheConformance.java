package org.fheml.models.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.core.datasets.Split;
import org.fheml.models.FheClassifier;
import org.fheml.models.FheRegressor;
import org.fheml.models.NotCompiledException;
import org.junit.jupiter.api.DynamicTest;

/**
 * The checks every estimator on encrypted data passes, whatever its family, in the three modes of the one predict
 * pipeline: fit and compile; SIMULATE without bootstrap errors equal to DISABLE on every test row; EXECUTE equal to
 * DISABLE on a few rows (2 by default: each EXECUTE costs a key generation); a seeded SIMULATE that draws the same
 * errors twice; and SIMULATE refused before compile. Apply it with
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> fhe() {
 *     return FheConformance.classifier(LogisticRegression::new, split);
 * }
 * }</pre>
 * The factory must return a new, unfitted estimator at each call.
 */
public final class FheConformance {

    /** Rows run encrypted per estimator. */
    public static final int EXECUTE_ROWS = 2;

    private FheConformance() {
    }

    public static Stream<DynamicTest> classifier(Supplier<? extends FheClassifier> factory,
            Split<ClassificationDataset> split) {
        return classifier(factory, split, EXECUTE_ROWS);
    }

    /** The checks, with EXECUTE run on the first {@code executeRows} test rows. */
    public static Stream<DynamicTest> classifier(Supplier<? extends FheClassifier> factory,
            Split<ClassificationDataset> split, int executeRows) {
        double[][] train = split.train().features();
        double[][] test = split.test().features();
        Fitted<FheClassifier> fitted = new Fitted<>(() -> {
            FheClassifier model = factory.get();
            assertSame(model, model.fit(train, split.train().labels()), "fit returns the estimator");
            assertNotNull(model.compile(train));
            return model;
        });
        return Stream.of(
                dynamicTest("SIMULATE before compile throws NotCompiledException", () -> {
                    FheClassifier model = factory.get();
                    model.fit(train, split.train().labels());
                    assertThrows(NotCompiledException.class, () -> model.predict(test, FheMode.SIMULATE));
                }),
                dynamicTest("SIMULATE without bootstrap errors equals DISABLE on every test row", () -> {
                    FheClassifier model = fitted.get().setSimulateBootstrapErrors(false);
                    assertArrayEquals(model.predict(test, FheMode.DISABLE), model.predict(test, FheMode.SIMULATE));
                }),
                dynamicTest("a seeded SIMULATE draws the same errors twice", () -> {
                    FheClassifier model = fitted.get().setSimulateBootstrapErrors(true).setRandomSeed(7);
                    assertArrayEquals(model.predict(test, FheMode.SIMULATE), model.predict(test, FheMode.SIMULATE));
                }),
                dynamicTest("EXECUTE equals DISABLE on " + executeRows + " rows", () -> {
                    FheClassifier model = fitted.get();
                    double[][] rows = Arrays.copyOf(test, executeRows);
                    assertArrayEquals(model.predict(rows, FheMode.DISABLE), model.predict(rows, FheMode.EXECUTE));
                }),
                dynamicTest("floatPredict gives one training label per row", () -> {
                    int[] labels = fitted.get().floatPredict(test);
                    assertEquals(test.length, labels.length);
                    for (int label : labels) {
                        assertEquals(true, Arrays.stream(fitted.get().classes()).anyMatch(c -> c == label));
                    }
                }));
    }

    public static Stream<DynamicTest> regressor(Supplier<? extends FheRegressor> factory,
            Split<RegressionDataset> split) {
        return regressor(factory, split, EXECUTE_ROWS);
    }

    /** The checks, with EXECUTE run on the first {@code executeRows} test rows. */
    public static Stream<DynamicTest> regressor(Supplier<? extends FheRegressor> factory,
            Split<RegressionDataset> split, int executeRows) {
        double[][] train = split.train().features();
        double[][] test = split.test().features();
        Fitted<FheRegressor> fitted = new Fitted<>(() -> {
            FheRegressor model = factory.get();
            assertSame(model, model.fit(train, split.train().targets()), "fit returns the estimator");
            assertNotNull(model.compile(train));
            return model;
        });
        return Stream.of(
                dynamicTest("SIMULATE before compile throws NotCompiledException", () -> {
                    FheRegressor model = factory.get();
                    model.fit(train, split.train().targets());
                    assertThrows(NotCompiledException.class, () -> model.predict(test, FheMode.SIMULATE));
                }),
                dynamicTest("SIMULATE without bootstrap errors equals DISABLE on every test row", () -> {
                    FheRegressor model = fitted.get().setSimulateBootstrapErrors(false);
                    assertArrayEquals(model.predict(test, FheMode.DISABLE), model.predict(test, FheMode.SIMULATE));
                }),
                dynamicTest("a seeded SIMULATE draws the same errors twice", () -> {
                    FheRegressor model = fitted.get().setSimulateBootstrapErrors(true).setRandomSeed(7);
                    assertArrayEquals(model.predict(test, FheMode.SIMULATE), model.predict(test, FheMode.SIMULATE));
                }),
                dynamicTest("EXECUTE equals DISABLE on " + executeRows + " rows", () -> {
                    FheRegressor model = fitted.get();
                    double[][] rows = Arrays.copyOf(test, executeRows);
                    assertArrayEquals(model.predict(rows, FheMode.DISABLE), model.predict(rows, FheMode.EXECUTE));
                }),
                dynamicTest("floatPredict gives one finite value per row", () -> {
                    double[] values = fitted.get().floatPredict(test);
                    assertEquals(test.length, values.length);
                    assertEquals(true, Arrays.stream(values).allMatch(Double::isFinite));
                }));
    }

    /** One fitted and compiled estimator shared by the checks of a factory, made on first use. */
    private static final class Fitted<M> {

        private final Supplier<M> maker;
        private M model;

        Fitted(Supplier<M> maker) {
            this.maker = maker;
        }

        synchronized M get() {
            if (model == null) {
                model = maker.get();
            }
            return model;
        }
    }
}

package org.fheml.models;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Supplier;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.fheml.models.linear.LinearClassifierBase;
import org.fheml.models.linear.LogisticRegression;
import org.fheml.models.neural.MLPClassifier;
import org.fheml.models.tree.DecisionTreeClassifier;
import org.fheml.models.tree.GradientBoostingClassifier;
import org.fheml.models.tree.RandomForestClassifier;
import org.fheml.models.tree.TreeClassifierBase;
import org.fheml.models.tree.XGBClassifier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 20: a model's circuit takes its input bounds from the quantizers' whole integer ranges, not from the
 * calibration rows, so that every family compiled on a single calibration row computes on every test row exactly
 * what its integer program does (SIMULATE = DISABLE, scores included), and so does EXECUTE on encrypted rows.
 */
class SingleRowCalibrationTest {

    private static final int EXECUTED_ROWS = 5;

    static FheClassifier model(String family) {
        Supplier<FheClassifier> make = switch (family) {
            case "LR" -> LogisticRegression::new;
            case "DT" -> DecisionTreeClassifier::new;
            case "DT3" -> () -> new DecisionTreeClassifier().setMaxDepth(3);
            case "RF" -> RandomForestClassifier::new;
            case "GB" -> GradientBoostingClassifier::new;
            case "XGB" -> XGBClassifier::new;
            case "MLP" -> () -> new MLPClassifier().setEpochs(20);
            default -> throw new IllegalArgumentException(family);
        };
        return make.get();
    }

    private static double[][] scores(FheClassifier model, double[][] X, FheMode mode) {
        return switch (model) {
            case LinearClassifierBase<?> linear -> linear.decisionFunction(X, mode);
            case TreeClassifierBase<?> tree -> tree.decisionFunction(X, mode);
            case MLPClassifier mlp -> mlp.decisionFunction(X, mode);
            default -> throw new IllegalArgumentException(model.getClass().getSimpleName());
        };
    }

    /** Fitted on the training rows, compiled on the first of them alone. */
    private static FheClassifier compiledOnOneRow(String family, Split<ClassificationDataset> split) {
        FheClassifier model = model(family).setRandomSeed(7);
        model.fit(split.train().features(), split.train().labels());
        model.compile(new double[][] {split.train().features()[0]});
        assertFalse(model.fheCircuit().statistics().rangeNarrowing().used());
        return model;
    }

    private static Split<ClassificationDataset> split(String dataset) {
        return TrainTestSplit.stratified((ClassificationDataset) Datasets.byName(dataset), 0.2, 42);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"LR, breast-cancer", "DT, breast-cancer", "RF, breast-cancer", "GB, breast-cancer",
            "XGB, breast-cancer", "MLP, breast-cancer", "LR, wine", "DT, wine", "RF, wine", "GB, wine", "XGB, wine",
            "MLP, wine"})
    void simulationEqualsTheIntegerProgramOnEveryTestRow(String family, String dataset) {
        Split<ClassificationDataset> split = split(dataset);
        FheClassifier model = compiledOnOneRow(family, split);
        double[][] rows = split.test().features();
        double[][] clear = scores(model, rows, FheMode.DISABLE);
        double[][] simulated = scores(model, rows, FheMode.SIMULATE);
        for (int i = 0; i < rows.length; i++) {
            int row = i;
            assertTrue(Arrays.equals(clear[i], simulated[i]), () -> family + " on " + dataset + ", test row " + row
                    + ": DISABLE " + Arrays.toString(clear[row]) + ", SIMULATE " + Arrays.toString(simulated[row]));
        }
    }

    /** The cheap ones: a linear model (no bootstrap) and a depth-3 tree. */
    @ParameterizedTest(name = "{0} on breast-cancer, encrypted")
    @CsvSource({"LR", "DT3"})
    void encryptedExecutionEqualsTheIntegerProgram(String family) {
        executesExactly(family);
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0} on breast-cancer, encrypted")
    @CsvSource({"DT", "RF", "GB", "XGB", "MLP"})
    void encryptedExecutionEqualsTheIntegerProgramForTheLargerFamilies(String family) {
        executesExactly(family);
    }

    private static void executesExactly(String family) {
        Split<ClassificationDataset> split = split("breast-cancer");
        FheClassifier model = compiledOnOneRow(family, split);
        double[][] rows = Arrays.copyOf(split.test().features(), EXECUTED_ROWS);
        double[][] clear = scores(model, rows, FheMode.DISABLE);
        double[][] executed = scores(model, rows, FheMode.EXECUTE);
        assertTrue(Arrays.deepEquals(clear, executed), () -> family + ": DISABLE " + Arrays.deepToString(clear)
                + ", EXECUTE " + Arrays.deepToString(executed));
    }
}

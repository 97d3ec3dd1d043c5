package org.fheml.models;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.compilation.MultiParameterEstimate;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.models.neighbors.KNeighborsClassifier;
import org.fheml.models.neural.MLPClassifier;
import org.fheml.models.neural.MLPRegressor;
import org.fheml.models.onnx.OnnxModel;
import org.fheml.models.tree.DecisionTreeClassifier;
import org.fheml.models.tree.GradientBoostingClassifier;
import org.fheml.models.tree.RandomForestClassifier;
import org.fheml.models.tree.XGBClassifier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The measurement behind multi-parameter circuits: for the model zoo at defaults, the cost model's prediction per
 * row of the single parameter set against partitioned designs, with key sizes. Prints the table; asserts only that
 * each partitioned choice meets its decisions (the planner's invariant) and never costs more than one set for all.
 */
@Tag("slow")
class MultiParameterZooTest {

    /** The estimate compares partitions against the single set: compile with one. */
    private static final CompileOptions SINGLE = CompileOptions.defaults().withMultiParameter(false);

    @Test
    void zoo() {
        ClassificationDataset cancer = Datasets.breastCancer();
        ClassificationDataset iris = Datasets.iris();
        ClassificationDataset digits = Datasets.digits();
        RegressionDataset diabetes = Datasets.diabetes();
        Map<String, Supplier<Circuit>> zoo = new LinkedHashMap<>();
        zoo.put("DT cancer", () -> new DecisionTreeClassifier().fit(cancer.features(), cancer.labels())
                .compile(cancer.features(), SINGLE));
        zoo.put("RF cancer", () -> new RandomForestClassifier().fit(cancer.features(), cancer.labels())
                .compile(cancer.features(), SINGLE));
        zoo.put("GB cancer", () -> new GradientBoostingClassifier().fit(cancer.features(), cancer.labels())
                .compile(cancer.features(), SINGLE));
        zoo.put("XGB cancer", () -> new XGBClassifier().fit(cancer.features(), cancer.labels())
                .compile(cancer.features(), SINGLE));
        zoo.put("MLP iris", () -> new MLPClassifier().fit(iris.features(), iris.labels())
                .compile(iris.features(), SINGLE));
        zoo.put("MLP cancer", () -> new MLPClassifier().fit(cancer.features(), cancer.labels())
                .compile(cancer.features(), SINGLE));
        zoo.put("MLP digits", () -> new MLPClassifier().fit(digits.features(), digits.labels())
                .compile(digits.features(), SINGLE));
        zoo.put("MLPRegressor diabetes", () -> new MLPRegressor().fit(diabetes.features(), diabetes.targets())
                .compile(diabetes.features(), SINGLE));
        zoo.put("kNN cancer", () -> new KNeighborsClassifier().fit(cancer.features(), cancer.labels())
                .compile(cancer.features(), SINGLE));
        zoo.put("ONNX CNN digits (4 bits, rounding 5)", () -> {
            double[][] scaled = Arrays.stream(digits.features()).map(r -> Arrays.stream(r)
                    .map(v -> (float) (v / 16.0)).toArray()).toArray(double[][]::new);
            return OnnxModel.load(Path.of("..", "onnx", "src", "test", "resources", "org", "fheml", "onnx",
                    "fixtures", "cnn_digits.onnx")).setNBits(4).setRoundingThresholdBits(5)
                    .compile(Arrays.copyOf(scaled, 300), SINGLE);
        });
        String only = System.getProperty("fheml.multiparam.only");
        for (Map.Entry<String, Supplier<Circuit>> entry : zoo.entrySet()) {
            if (only != null && !entry.getKey().contains(only)) {
                continue;
            }
            Circuit circuit = entry.getValue().get();
            long start = System.nanoTime();
            if (circuit.encryptedExecutionProblem() != null) {
                System.out.printf("MULTIPARAM %s: no parameters (%s)%n", entry.getKey(),
                        circuit.encryptedExecutionProblem());
                continue;
            }
            List<MultiParameterEstimate> estimates = MultiParameterEstimate.of(circuit);
            System.out.printf("MULTIPARAM %s: encoding %d bits (%.1f s)%n", entry.getKey(),
                    circuit.statistics().encodingBits(), (System.nanoTime() - start) / 1e9);
            assertFalse(estimates.isEmpty(), entry.getKey());
            double merged = Double.NaN;
            for (MultiParameterEstimate estimate : estimates) {
                System.out.println("  " + estimate.format());
                if (estimate.design().equals("one partition")) {
                    merged = estimate.cost();
                } else if (estimate.sharedGlwe() && !Double.isNaN(merged)) {
                    assertTrue(estimate.cost() <= merged * (1 + 1e-9), entry.getKey() + " " + estimate.design());
                }
            }
        }
    }
}

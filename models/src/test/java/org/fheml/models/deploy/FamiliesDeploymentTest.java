package org.fheml.models.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.models.FheEstimator;
import org.fheml.models.neural.MLPClassifier;
import org.fheml.models.neural.MLPRegressor;
import org.fheml.models.onnx.OnnxModel;
import org.fheml.models.tree.DecisionTreeClassifier;
import org.fheml.models.tree.DecisionTreeRegressor;
import org.fheml.models.tree.GradientBoostingClassifier;
import org.fheml.models.tree.RandomForestClassifier;
import org.fheml.models.tree.TreeClassifierBase;
import org.fheml.models.tree.TreeInputEncoding;
import org.fheml.models.tree.XGBClassifier;
import org.fheml.models.tree.XGBRegressor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every model family saved, then run by a client and a server through bytes only, gives what
 * {@code predict(X, EXECUTE)} gives, row for row: tree classifiers (each probability map, thermometer and integer
 * inputs, argmax in the circuit), tree and XGBoost regressors, networks, and ONNX graphs. Circuits are kept small
 * (low n_bits, shallow trees, few rows); the default suite runs one case of each output decoding, the others are
 * tagged slow (each bootstrapped case generates two key sets). {@link ClientProcessingTest} covers every family
 * without encryption.
 */
class FamiliesDeploymentTest {

    private static final int ROWS = 4;

    @TempDir
    Path dir;

    /** The client and the results of {@code rows} after a save, a load on each side and a server run. */
    private record Deployed(FheModelClient client, byte[][] results) {
    }

    private Deployed deploy(FheEstimator model, double[][] rows) {
        model.save(dir);
        FheModelClient client = FheModelClient.load(dir.resolve(ModelBundles.CLIENT)).generateEphemeralKeys();
        FheModelServer server = FheModelServer.load(dir.resolve(ModelBundles.SERVER));
        assertEquals(server.bundle().specificationDigest(), client.specificationDigest());
        return new Deployed(client, server.run(client.encrypt(rows), client.evaluationKeys(), 2));
    }

    private static ClassificationDataset dataset(String name) {
        return (ClassificationDataset) Datasets.byName(name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DT"})
    void treeClassifiersEqualExecute(String kind) {
        treeClassifierEqualsExecute(kind);
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RF", "GB", "XGB", "DT-integers"})
    void otherTreeClassifiersEqualExecute(String kind) {
        treeClassifierEqualsExecute(kind);
    }

    private void treeClassifierEqualsExecute(String kind) {
        ClassificationDataset data = dataset(kind.equals("GB") ? "breast-cancer" : "wine");
        double[][] X = data.features();
        TreeClassifierBase<?> model = switch (kind) {
            case "DT" -> new DecisionTreeClassifier().setMaxDepth(3);
            case "RF" -> new RandomForestClassifier().setNEstimators(3).setMaxDepth(3);
            case "GB" -> new GradientBoostingClassifier().setNEstimators(3).setMaxDepth(2);
            case "XGB" -> new XGBClassifier().setNEstimators(2).setMaxDepth(2);
            default -> new DecisionTreeClassifier().setMaxDepth(3).setInputEncoding(TreeInputEncoding.INTEGERS);
        };
        model.setNBits(4).fit(X, data.labels());
        model.compile(X);
        double[][] rows = spread(X);
        Deployed deployed = deploy(model, rows);
        assertArrayEquals(model.predict(rows, FheMode.EXECUTE), deployed.client().predict(deployed.results()));
        assertTrue(Arrays.deepEquals(model.decisionFunction(rows, FheMode.EXECUTE),
                deployed.client().decisionFunction(deployed.results())), kind + " scores");
        assertTrue(Arrays.deepEquals(model.predictProba(rows, FheMode.EXECUTE),
                deployed.client().predictProba(deployed.results())), kind + " probabilities");
    }

    @Test
    void argmaxInTheCircuitGivesLabelsOnly() {
        ClassificationDataset data = dataset("breast-cancer");
        double[][] X = data.features();
        DecisionTreeClassifier model = new DecisionTreeClassifier().setMaxDepth(2).setNBits(3)
                .setArgmaxInCircuit(true).fit(X, data.labels());
        model.compile(X);
        double[][] rows = spread(X);
        Deployed deployed = deploy(model, rows);
        assertArrayEquals(model.predict(rows, FheMode.EXECUTE), deployed.client().predict(deployed.results()));
        assertThrows(UnsupportedOperationException.class, () -> deployed.client().predictProba(deployed.results()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"XGB"})
    void treeRegressorsEqualExecute(String kind) {
        treeRegressorEqualsExecute(kind);
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DT"})
    void otherTreeRegressorsEqualExecute(String kind) {
        treeRegressorEqualsExecute(kind);
    }

    private void treeRegressorEqualsExecute(String kind) {
        RegressionDataset data = (RegressionDataset) Datasets.byName("diabetes");
        double[][] X = data.features();
        FheEstimator model;
        double[] expected;
        double[][] rows = spread(X);
        if (kind.equals("DT")) {
            DecisionTreeRegressor r = new DecisionTreeRegressor().setMaxDepth(3).setNBits(4).fit(X, data.targets());
            r.compile(X);
            expected = r.predict(rows, FheMode.EXECUTE);
            model = r;
        } else {
            XGBRegressor r = new XGBRegressor().setNEstimators(2).setMaxDepth(2).setNBits(4).fit(X, data.targets());
            r.compile(X);
            expected = r.predict(rows, FheMode.EXECUTE);
            model = r;
        }
        Deployed deployed = deploy(model, rows);
        assertArrayEquals(expected, deployed.client().predictValues(deployed.results()));
    }

    @Tag("slow")
    @Test
    void networksEqualExecute() {
        ClassificationDataset data = dataset("iris");
        double[][] X = data.features();
        MLPClassifier classifier = new MLPClassifier().setHiddenLayerSizes(4).setEpochs(5).setNBits(3)
                .fit(X, data.labels());
        classifier.compile(X);
        double[][] rows = spread(X);
        Deployed deployed = deploy(classifier, rows);
        assertArrayEquals(classifier.predict(rows, FheMode.EXECUTE), deployed.client().predict(deployed.results()));
        assertTrue(Arrays.deepEquals(classifier.predictProba(rows, FheMode.EXECUTE),
                deployed.client().predictProba(deployed.results())));

        RegressionDataset diabetes = (RegressionDataset) Datasets.byName("diabetes");
        double[][] D = diabetes.features();
        MLPRegressor regressor = new MLPRegressor().setHiddenLayerSizes(4).setEpochs(5).setNBits(3)
                .fit(D, diabetes.targets());
        regressor.compile(D);
        double[][] dRows = spread(D);
        Deployed deployedRegressor = deploy(regressor, dRows);
        assertArrayEquals(regressor.predict(dRows, FheMode.EXECUTE),
                deployedRegressor.client().predictValues(deployedRegressor.results()));
    }

    @Tag("slow")
    @Test
    void onnxModelsEqualExecute() {
        Path fixtures = Path.of("..", "onnx", "src", "test", "resources", "org", "fheml", "onnx", "fixtures");
        OnnxModel model = OnnxModel.load(fixtures.resolve("mlp_relu.onnx")).setNBits(3).setRoundingThresholdBits(4);
        double[][] x = csv(fixtures.resolve("mlp_relu.input.csv"));
        model.compile(x);
        double[][] rows = Arrays.copyOf(x, ROWS);
        model.save(dir);
        FheModelClient client = FheModelClient.load(dir.resolve("client")).generateEphemeralKeys();
        byte[][] results = FheModelServer.load(dir.resolve("server")).run(client.encrypt(rows),
                client.evaluationKeys(), 2);
        assertTrue(Arrays.deepEquals(model.forward(rows, FheMode.EXECUTE), client.outputs(results)));
        assertThrows(UnsupportedOperationException.class, () -> client.predict(results));
    }

    /** A fixture's rows, read as the onnx tests read them (float32 values). */
    private static double[][] csv(Path file) {
        try {
            return java.nio.file.Files.readString(file).lines().filter(l -> !l.isBlank())
                    .map(l -> Arrays.stream(l.split(",")).mapToDouble(v -> (float) Double.parseDouble(v)).toArray())
                    .toArray(double[][]::new);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** ROWS rows spread over X, so that several classes and leaves are reached. */
    private static double[][] spread(double[][] X) {
        double[][] rows = new double[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            rows[i] = X[(int) ((long) i * X.length / ROWS)];
        }
        return rows;
    }
}

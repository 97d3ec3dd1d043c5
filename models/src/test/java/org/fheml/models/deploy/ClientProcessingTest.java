package org.fheml.models.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.models.FheClassifier;
import org.fheml.models.FheEstimator;
import org.fheml.models.FheRegressor;
import org.fheml.models.linear.GammaRegressor;
import org.fheml.models.linear.LinearSVC;
import org.fheml.models.linear.LogisticRegression;
import org.fheml.models.linear.SGDClassifier;
import org.fheml.models.linear.SGDRegressor;
import org.fheml.models.linear.Ridge;
import org.fheml.models.neighbors.KNeighborsClassifier;
import org.fheml.models.neighbors.KNeighborsRegressor;
import org.fheml.models.neural.MLPClassifier;
import org.fheml.models.neural.MLPRegressor;
import org.fheml.models.tree.DecisionTreeClassifier;
import org.fheml.models.tree.DecisionTreeRegressor;
import org.fheml.models.tree.GradientBoostingClassifier;
import org.fheml.models.tree.GradientBoostingRegressor;
import org.fheml.models.tree.RandomForestClassifier;
import org.fheml.models.tree.RandomForestRegressor;
import org.fheml.models.tree.TreeInputEncoding;
import org.fheml.models.tree.XGBClassifier;
import org.fheml.models.tree.XGBRegressor;
import org.fheml.core.ProbabilisticClassifier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For every estimator family, the client bundle a save writes, read back from disk, does on the client exactly
 * what the estimator's own pipeline does: its input encoding gives the circuit's arguments, and its decoding and
 * post-processing of the circuit's integers (evaluated in the clear, no keys) give {@code predict},
 * {@code predictProba} and {@code decisionFunction} in DISABLE mode, bit for bit, on every row. The encrypted round
 * trip is {@link FamiliesDeploymentTest}'s; this one covers every family cheaply.
 */
class ClientProcessingTest {

    @TempDir
    Path dir;

    private static Supplier<FheClassifier> classifier(String kind) {
        return switch (kind) {
            case "LogisticRegression" -> () -> new LogisticRegression().setNBits(6);
            case "LinearSVC" -> () -> new LinearSVC().setNBits(6);
            case "SGD" -> () -> new SGDClassifier().setNBits(6);
            case "DT" -> () -> new DecisionTreeClassifier().setMaxDepth(4).setNBits(4);
            case "DT-integers" -> () -> new DecisionTreeClassifier().setMaxDepth(3).setNBits(4)
                    .setInputEncoding(TreeInputEncoding.INTEGERS);
            case "DT-argmax" -> () -> new DecisionTreeClassifier().setMaxDepth(3).setNBits(3).setArgmaxInCircuit(true);
            case "DT-sum" -> () -> new DecisionTreeClassifier().setMaxDepth(3).setNBits(3).setSumInCircuit(true);
            case "RF" -> () -> new RandomForestClassifier().setNEstimators(4).setMaxDepth(3).setNBits(4);
            case "GB" -> () -> new GradientBoostingClassifier().setNEstimators(4).setMaxDepth(2).setNBits(4);
            case "XGB" -> () -> new XGBClassifier().setNEstimators(3).setMaxDepth(2).setNBits(4);
            case "MLP" -> () -> new MLPClassifier().setHiddenLayerSizes(4).setEpochs(3).setNBits(3);
            case "KNN" -> () -> new KNeighborsClassifier().setNNeighbors(3).setNPrototypes(12);
            case "KNN-k4" -> () -> new KNeighborsClassifier().setNNeighbors(4).setNPrototypes(8).setNBits(4);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static Supplier<FheRegressor> regressor(String kind) {
        return switch (kind) {
            case "Ridge" -> () -> new Ridge().setNBits(6);
            case "Gamma" -> () -> new GammaRegressor().setNBits(6);
            case "SGD" -> () -> new SGDRegressor().setNBits(6);
            case "DT" -> () -> new DecisionTreeRegressor().setMaxDepth(4).setNBits(4);
            case "RF" -> () -> new RandomForestRegressor().setNEstimators(3).setMaxDepth(3).setNBits(4);
            case "GB" -> () -> new GradientBoostingRegressor().setNEstimators(3).setMaxDepth(2).setNBits(4);
            case "XGB" -> () -> new XGBRegressor().setNEstimators(3).setMaxDepth(2).setNBits(4);
            case "MLP" -> () -> new MLPRegressor().setHiddenLayerSizes(4).setEpochs(3).setNBits(3);
            case "KNN" -> () -> new KNeighborsRegressor().setNNeighbors(3).setNPrototypes(8);
            case "KNN-k5" -> () -> new KNeighborsRegressor().setNNeighbors(5).setNPrototypes(10).setNBits(4);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"LogisticRegression", "LinearSVC", "SGD", "DT", "DT-integers", "DT-argmax", "DT-sum", "RF", "GB",
            "XGB", "MLP", "KNN", "KNN-k4"})
    void classifiersPostProcessOnTheClientAsInTheirPipeline(String kind) {
        for (String dataset : new String[] {"breast-cancer", "wine"}) {
            ClassificationDataset data = (ClassificationDataset) Datasets.byName(dataset);
            double[][] X = data.features();
            FheClassifier model = classifier(kind).get().fit(X, data.labels());
            model.compile(X);
            FheModelClient client = saveAndLoad((FheEstimator) model, dataset);
            long[][] raw = integers((FheEstimator) model, client, X);
            String what = kind + " on " + dataset;
            assertArrayEquals(model.predict(X, FheMode.DISABLE), client.labels(raw), what);
            assertArrayEquals(model.classes(), client.classes(), what);
            if (model instanceof ProbabilisticClassifier probabilistic && !kind.equals("DT-argmax")) {
                assertTrue(Arrays.deepEquals(probabilistic.predictProba(X, FheMode.DISABLE),
                        client.probabilities(raw)), what);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Ridge", "Gamma", "SGD", "DT", "RF", "GB", "XGB", "MLP", "KNN", "KNN-k5"})
    void regressorsPostProcessOnTheClientAsInTheirPipeline(String kind) {
        RegressionDataset data = (RegressionDataset) Datasets.byName("diabetes");
        double[][] X = data.features();
        FheRegressor model = regressor(kind).get().fit(X, data.targets());
        model.compile(X);
        FheModelClient client = saveAndLoad((FheEstimator) model, "diabetes");
        assertArrayEquals(model.predict(X, FheMode.DISABLE), client.values(integers((FheEstimator) model, client, X)),
                kind);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DT", "KNN"})
    void everyDamagedByteOfAClientBundleIsATypedError(String kind) throws java.io.IOException {
        ClassificationDataset data = Datasets.iris();
        FheClassifier model = kind.equals("DT") ? new DecisionTreeClassifier().setMaxDepth(2).setNBits(3)
                : new KNeighborsClassifier().setNPrototypes(3).setNNeighbors(1);
        model.fit(data.features(), data.labels());
        model.compile(data.features());
        ((FheEstimator) model).save(dir);
        Path file = dir.resolve(ModelBundles.CLIENT).resolve(ClientBundle.FILE);
        byte[] good = java.nio.file.Files.readAllBytes(file);
        for (int at = 0; at < good.length; at++) {
            byte[] bad = good.clone();
            bad[at] ^= 0x20;
            java.nio.file.Files.write(file, bad);
            org.fheml.compilation.BundleException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.fheml.compilation.BundleException.class, () -> FheModelClient.load(dir.resolve("client")),
                    "byte " + at);
            assertTrue(e.getMessage().contains(ClientBundle.FILE), e.getMessage());
        }
        java.nio.file.Files.delete(file);
        org.junit.jupiter.api.Assertions.assertThrows(org.fheml.compilation.BundleException.class,
                () -> FheModelClient.load(dir.resolve("client")));
    }

    private FheModelClient saveAndLoad(FheEstimator model, String name) {
        Path saved = dir.resolve(model.getClass().getSimpleName() + "-" + name);
        model.save(saved);
        ClientBundle bundle = ClientBundle.load(saved.resolve(ModelBundles.CLIENT));
        assertArrayEquals(bundle.toBytes(), ClientBundle.fromBytes(bundle.toBytes()).toBytes(), "stable bytes");
        return FheModelClient.of(bundle);
    }

    /**
     * The client's encoding of every row equals the estimator's circuit input; returns the circuit's integers on
     * those inputs, evaluated in the clear.
     */
    private static long[][] integers(FheEstimator model, FheModelClient client, double[][] X) {
        long[][] expected = model.quantizeInput(X);
        long[][] raw = new long[X.length][];
        for (int i = 0; i < X.length; i++) {
            long[] encoded = client.bundle().inputEncoding().encode(X[i]);
            assertArrayEquals(expected[i], encoded, "row " + i);
            raw[i] = model.fheCircuit().evaluate(encoded);
        }
        return raw;
    }
}

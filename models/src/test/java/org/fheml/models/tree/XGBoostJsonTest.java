package org.fheml.models.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.fheml.core.FheMode;
import org.fheml.core.NotFittedException;
import org.fheml.core.datasets.Datasets;
import org.fheml.models.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models saved by XGBoost4J's own saveModel (fixtures made by {@link XGBoostFixtures}) load through fheml's JSON
 * reader and predict what XGBoost4J predicts from the same file: margins bit for bit (XGBoost's float32
 * comparisons and sums, missing values to the default child), probabilities and regression outputs within float32
 * rounding, labels exactly. Quantized on the training rows, they keep their accuracy.
 */
class XGBoostJsonTest {

    private static Path fixture(String name) {
        try {
            return Path.of(XGBoostJsonTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows rounded to float32, what XGBoost4J reads; with some values missing (NaN) when asked. */
    private static double[][] floatRows(double[][] X, boolean withMissing) {
        double[][] out = new double[X.length][];
        for (int i = 0; i < X.length; i++) {
            out[i] = new double[X[i].length];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = withMissing && (i * 7 + j) % 5 == 0 ? Double.NaN : (float) X[i][j];
            }
        }
        return out;
    }

    private static float[][] xgboost(String fixture, double[][] X, boolean margin) throws XGBoostError {
        Booster booster = XGBoost.loadModel(fixture(fixture).toString());
        try {
            return booster.predict(XGBoostFixtures.matrix(X), margin);
        } finally {
            booster.dispose();
        }
    }

    @Test
    void marginsEqualXGBoost4JsBitForBitWithAndWithoutMissingValues() throws XGBoostError {
        Object[][] cases = {{XGBoostFixtures.BINARY, Datasets.breastCancer().features()},
            {XGBoostFixtures.MULTICLASS, Datasets.wine().features()},
            {XGBoostFixtures.REGRESSION, Datasets.diabetes().features()}};
        for (Object[] c : cases) {
            String name = (String) c[0];
            XGBoostModel model = XGBoostJson.read(fixture(name));
            for (boolean missing : new boolean[] {false, true}) {
                double[][] X = floatRows((double[][]) c[1], missing);
                float[][] expected = xgboost(name, X, true);
                for (int i = 0; i < X.length; i++) {
                    double[] margins = model.margins(X[i]);
                    for (int g = 0; g < margins.length; g++) {
                        assertEquals(expected[i][g], (float) margins[g], name + " row " + i + " group " + g
                                + (missing ? " with missing values" : ""));
                    }
                }
            }
        }
    }

    @Test
    void loadedClassifiersPredictXGBoost4JsProbabilitiesAndLabels() throws XGBoostError {
        for (String name : new String[] {XGBoostFixtures.BINARY, XGBoostFixtures.MULTICLASS}) {
            var data = name.equals(XGBoostFixtures.BINARY) ? Datasets.breastCancer() : Datasets.wine();
            double[][] X = floatRows(data.features(), false);
            XGBClassifier c = XGBClassifier.fromJson(fixture(name), X);
            float[][] expected = xgboost(name, X, false);
            double[][] proba = c.floatPredictProba(X);
            int[] labels = c.floatPredict(X);
            for (int i = 0; i < X.length; i++) {
                double[] p = expected[i].length == 1 ? new double[] {1 - expected[i][0], expected[i][0]}
                        : doubles(expected[i]);
                assertArrayEquals(p, proba[i], 1e-6, name + " row " + i);
                int best = 0;
                for (int k = 1; k < p.length; k++) {
                    best = p[k] > p[best] ? k : best;
                }
                assertEquals(best, labels[i], name + " row " + i);
            }
            double floatAccuracy = Metrics.accuracy(labels, data.labels());
            double quantized = Metrics.accuracy(c.predict(X, FheMode.DISABLE), data.labels());
            System.out.printf("%s loaded: training accuracy float %.4f, quantized %.4f%n", name, floatAccuracy,
                    quantized);
            assertTrue(quantized >= floatAccuracy - 0.02, name + ": quantized " + quantized + " vs float "
                    + floatAccuracy);
        }
    }

    @Test
    void loadedRegressorPredictsXGBoost4JsOutputs() throws XGBoostError {
        var diabetes = Datasets.diabetes();
        double[][] X = floatRows(diabetes.features(), false);
        XGBRegressor r = XGBRegressor.fromJson(fixture(XGBoostFixtures.REGRESSION)).calibrate(X);
        float[][] expected = xgboost(XGBoostFixtures.REGRESSION, X, false);
        double[] predicted = r.floatPredict(X);
        for (int i = 0; i < X.length; i++) {
            assertEquals(expected[i][0], predicted[i], 1e-4 * Math.max(1, Math.abs(expected[i][0])), "row " + i);
        }
        double floatR2 = Metrics.r2(predicted, diabetes.targets());
        double quantizedR2 = Metrics.r2(r.predict(X, FheMode.DISABLE), diabetes.targets());
        System.out.printf("diabetes loaded: R2 float %.4f, quantized %.4f%n", floatR2, quantizedR2);
        assertTrue(quantizedR2 >= floatR2 - 0.1, "quantized R2 " + quantizedR2 + " vs float " + floatR2);
    }

    @Test
    void featureRangesQuantizeLikeACalibrationSetWithTheSameRanges() {
        double[][] X = Datasets.wine().features();
        double[] min = X[0].clone();
        double[] max = X[0].clone();
        for (double[] row : X) {
            for (int j = 0; j < row.length; j++) {
                min[j] = Math.min(min[j], row[j]);
                max[j] = Math.max(max[j], row[j]);
            }
        }
        XGBClassifier byRows = XGBClassifier.fromJson(fixture(XGBoostFixtures.MULTICLASS), X);
        XGBClassifier byRanges = XGBClassifier.fromJson(fixture(XGBoostFixtures.MULTICLASS)).calibrate(min, max);
        assertTrue(java.util.Arrays.deepEquals(byRows.predictProba(X, FheMode.DISABLE),
                byRanges.predictProba(X, FheMode.DISABLE)));
    }

    @Test
    void wrongFilesAndUncalibratedModelsAreRejectedWithAMessage(@TempDir Path dir) throws IOException {
        XGBClassifier loaded = XGBClassifier.fromJson(fixture(XGBoostFixtures.BINARY));
        assertThrows(NotFittedException.class, () -> loaded.predict(Datasets.breastCancer().features(),
                FheMode.DISABLE));
        assertTrue(assertThrows(XGBoostFormatException.class, () -> XGBClassifier.fromJson(
                fixture(XGBoostFixtures.REGRESSION))).getMessage().contains("XGBRegressor.fromJson"));
        assertTrue(assertThrows(XGBoostFormatException.class, () -> XGBRegressor.fromJson(
                fixture(XGBoostFixtures.BINARY))).getMessage().contains("XGBClassifier.fromJson"));
        String json = Files.readString(fixture(XGBoostFixtures.BINARY));
        Path rank = Files.writeString(dir.resolve("rank.json"), json.replace("binary:logistic", "rank:pairwise"));
        assertTrue(assertThrows(XGBoostFormatException.class, () -> XGBClassifier.fromJson(rank)).getMessage()
                .contains("rank:pairwise"));
        Path notAModel = Files.writeString(dir.resolve("other.json"), "{\"learner\": {}}");
        assertTrue(assertThrows(XGBoostFormatException.class, () -> XGBClassifier.fromJson(notAModel))
                .getMessage().contains("objective"));
        assertThrows(IllegalArgumentException.class, () -> XGBClassifier.fromJson(fixture(XGBoostFixtures.BINARY))
                .calibrate(Datasets.wine().features()), "13 features for a 30-feature model");
    }

    private static double[] doubles(float[] f) {
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = f[i];
        }
        return out;
    }
}

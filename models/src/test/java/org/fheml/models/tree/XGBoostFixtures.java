package org.fheml.models.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.fheml.core.datasets.Datasets;

/**
 * Makes the XGBoost JSON fixtures of XGBoostJsonTest with XGBoost4J's own saveModel, independently of fheml's
 * trainer: a binary classifier (breast cancer), a 3-class one (wine) and a regressor (diabetes), 20 trees of
 * depth 3 each. Not a test: run its main (argument: the output folder) to make them again.
 */
final class XGBoostFixtures {

    static final String BINARY = "xgboost-breast-cancer.json";
    static final String MULTICLASS = "xgboost-wine.json";
    static final String REGRESSION = "xgboost-diabetes.json";

    private XGBoostFixtures() {
    }

    public static void main(String[] args) throws IOException, XGBoostError {
        Path out = Files.createDirectories(Path.of(args[0]));
        var cancer = Datasets.breastCancer();
        var wine = Datasets.wine();
        var diabetes = Datasets.diabetes();
        save(out.resolve(BINARY), cancer.features(), floats(cancer.labels()), "binary:logistic", 0);
        save(out.resolve(MULTICLASS), wine.features(), floats(wine.labels()), "multi:softprob", 3);
        save(out.resolve(REGRESSION), diabetes.features(), floats(diabetes.targets()), "reg:squarederror", 0);
    }

    private static void save(Path path, double[][] X, float[] y, String objective, int classes)
            throws XGBoostError {
        Map<String, Object> params = new HashMap<>();
        params.put("objective", objective);
        if (classes > 0) {
            params.put("num_class", classes);
        }
        params.put("max_depth", 3);
        params.put("eta", 0.3);
        params.put("nthread", 1);
        params.put("seed", 0);
        DMatrix data = matrix(X);
        data.setLabel(y);
        Booster booster = XGBoost.train(data, params, 20, new HashMap<>(), null, null);
        booster.saveModel(path.toString());
    }

    static DMatrix matrix(double[][] X) throws XGBoostError {
        int p = X[0].length;
        float[] flat = new float[X.length * p];
        for (int i = 0; i < X.length; i++) {
            for (int j = 0; j < p; j++) {
                flat[i * p + j] = (float) X[i][j];
            }
        }
        return new DMatrix(flat, X.length, p, Float.NaN);
    }

    private static float[] floats(int[] labels) {
        int min = java.util.Arrays.stream(labels).min().orElseThrow();
        float[] out = new float[labels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels[i] - min;
        }
        return out;
    }

    private static float[] floats(double[] targets) {
        float[] out = new float[targets.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) targets[i];
        }
        return out;
    }
}

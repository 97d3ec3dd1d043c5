package org.fheml.models.tree;

import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains gradient-boosted trees with XGBoost4J (its native library, bundled in its jar for Linux, macOS and
 * Windows) and reads the result through its JSON form, the very path a model saved elsewhere takes.
 */
final class XGBoostTrainer {

    private XGBoostTrainer() {
    }

    /**
     * The hyper-parameters fheml passes to XGBoost.
     *
     * @param nEstimators  the boosting rounds
     * @param maxDepth     the depth of each tree
     * @param learningRate XGBoost's eta
     * @param subsample    the share of rows each round samples
     * @param seed         XGBoost's seed
     */
    record Options(int nEstimators, int maxDepth, double learningRate, double subsample, long seed) {
    }

    /** A booster trained on X for the objective; {@code classCount} is used by the multi-class objectives. */
    static XGBoostModel train(double[][] X, float[] y, XGBoostObjective objective, int classCount, Options options) {
        Map<String, Object> params = new HashMap<>();
        params.put("objective", objective.xgboostName());
        if (objective.kind() == XGBoostObjective.Kind.MULTICLASS) {
            params.put("num_class", classCount);
        }
        params.put("max_depth", options.maxDepth());
        params.put("eta", options.learningRate());
        params.put("subsample", options.subsample());
        params.put("seed", options.seed());
        params.put("nthread", 1);
        params.put("tree_method", "hist");
        params.put("verbosity", 0);
        DMatrix data = null;
        Booster booster = null;
        try {
            data = new DMatrix(flatten(X), X.length, X[0].length, Float.NaN);
            data.setLabel(y);
            booster = XGBoost.train(data, params, options.nEstimators(), new HashMap<>(), null, null);
            return XGBoostJson.read(booster.toByteArray("json"), "XGBoost4J's trained booster");
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost4J failed to train: " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (data != null) {
                data.dispose();
            }
        }
    }

    private static float[] flatten(double[][] X) {
        int p = X[0].length;
        float[] out = new float[X.length * p];
        for (int i = 0; i < X.length; i++) {
            for (int j = 0; j < p; j++) {
                out[i * p + j] = (float) X[i][j];
            }
        }
        return out;
    }
}

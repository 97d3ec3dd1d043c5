package org.fheml.models.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a model saved by XGBoost (Python {@code save_model("m.json")}, XGBoost4J {@code saveModel} or
 * {@code toByteArray("json")}) into an {@link XGBoostModel}: the {@code gbtree} booster with numerical splits, and
 * the objectives of {@link XGBoostObjective}. Anything else (dart, linear boosters, categorical splits, vector
 * leaves) fails with a message saying what is not supported.
 */
final class XGBoostJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private XGBoostJson() {
    }

    static XGBoostModel read(Path path) {
        try {
            return parse(JSON.readTree(Files.readAllBytes(path)), path.toString());
        } catch (IOException e) {
            throw new XGBoostFormatException("Cannot read the XGBoost model " + path + ": " + e.getMessage(), e);
        }
    }

    static XGBoostModel read(byte[] json, String source) {
        try {
            return parse(JSON.readTree(json), source);
        } catch (IOException e) {
            throw new XGBoostFormatException("Cannot read the XGBoost model " + source + ": " + e.getMessage(), e);
        }
    }

    private static XGBoostModel parse(JsonNode root, String source) {
        JsonNode learner = required(root, "learner", source);
        XGBoostObjective objective;
        try {
            objective = XGBoostObjective.of(required(required(learner, "objective", source), "name", source)
                    .asText());
        } catch (IllegalArgumentException e) {
            throw new XGBoostFormatException(source + ": " + e.getMessage(), e);
        }
        JsonNode params = required(learner, "learner_model_param", source);
        int featureCount = Integer.parseInt(required(params, "num_feature", source).asText());
        int classCount = Integer.parseInt(params.path("num_class").asText("0"));
        int groups = objective.kind() == XGBoostObjective.Kind.MULTICLASS ? classCount : 1;
        if (groups < 1) {
            throw new XGBoostFormatException(source + ": a multi-class objective with num_class " + classCount + ".");
        }
        if (Integer.parseInt(params.path("num_target").asText("1")) > 1) {
            throw new XGBoostFormatException(source + ": multi-target models are not supported.");
        }
        double[] baseMargin = baseMargins(required(params, "base_score", source).asText(), groups, objective,
                source);
        JsonNode booster = required(learner, "gradient_booster", source);
        String boosterName = booster.path("name").asText();
        if (!boosterName.equals("gbtree")) {
            throw new XGBoostFormatException(source + ": booster '" + boosterName + "' is not supported; fheml "
                    + "reads gbtree models (train with booster='gbtree').");
        }
        JsonNode model = required(booster, "model", source);
        JsonNode treeInfo = required(model, "tree_info", source);
        List<XGBoostModel.Tree> trees = new ArrayList<>();
        JsonNode treeNodes = required(model, "trees", source);
        int[] treeGroup = new int[treeNodes.size()];
        for (int t = 0; t < treeNodes.size(); t++) {
            trees.add(tree(treeNodes.get(t), featureCount, source + " tree " + t));
            treeGroup[t] = treeInfo.get(t).asInt();
            if (treeGroup[t] < 0 || treeGroup[t] >= groups) {
                throw new XGBoostFormatException(source + ": tree " + t + " feeds group " + treeGroup[t] + " of "
                        + groups + ".");
            }
        }
        return new XGBoostModel(objective, featureCount, baseMargin, trees, treeGroup);
    }

    /** {@code base_score} is "0.5" in older files, "[5E-1]" or one value per class in XGBoost 3. */
    private static double[] baseMargins(String text, int groups, XGBoostObjective objective, String source) {
        String[] cells = text.replace("[", "").replace("]", "").split(",");
        if (cells.length != 1 && cells.length != groups) {
            throw new XGBoostFormatException(source + ": base_score has " + cells.length + " values for " + groups
                    + " output groups.");
        }
        double[] out = new double[groups];
        for (int g = 0; g < groups; g++) {
            out[g] = objective.baseMargin(Float.parseFloat(cells[cells.length == 1 ? 0 : g].trim()));
        }
        return out;
    }

    private static XGBoostModel.Tree tree(JsonNode tree, int featureCount, String source) {
        int[] left = ints(required(tree, "left_children", source));
        int[] right = ints(required(tree, "right_children", source));
        int[] feature = ints(required(tree, "split_indices", source));
        JsonNode conditions = required(tree, "split_conditions", source);
        JsonNode defaults = required(tree, "default_left", source);
        JsonNode types = tree.path("split_type");
        int n = left.length;
        if (right.length != n || feature.length != n || conditions.size() != n || defaults.size() != n) {
            throw new XGBoostFormatException(source + ": its node arrays differ in length.");
        }
        if (Integer.parseInt(tree.path("tree_param").path("size_leaf_vector").asText("1")) > 1) {
            throw new XGBoostFormatException(source + ": vector leaves (multi-target trees) are not supported.");
        }
        float[] value = new float[n];
        boolean[] defaultLeft = new boolean[n];
        for (int i = 0; i < n; i++) {
            value[i] = (float) conditions.get(i).asDouble();
            defaultLeft[i] = defaults.get(i).asInt() != 0 || defaults.get(i).asBoolean();
            if (left[i] != -1) {
                if (types.size() == n && types.get(i).asInt() != 0) {
                    throw new XGBoostFormatException(source + " node " + i + ": categorical splits are not "
                            + "supported; encode categories as numbers before training.");
                }
                if (left[i] < 1 || left[i] >= n || right[i] < 1 || right[i] >= n) {
                    throw new XGBoostFormatException(source + " node " + i + ": children " + left[i] + " and "
                            + right[i] + " are not nodes of the tree.");
                }
                if (feature[i] < 0 || feature[i] >= featureCount) {
                    throw new XGBoostFormatException(source + " node " + i + ": feature " + feature[i]
                            + " is not one of the model's " + featureCount + ".");
                }
            }
        }
        requireTree(left, right, source);
        return new XGBoostModel.Tree(left, right, feature, value, defaultLeft);
    }

    /** Every node reached from the root once at most: the arrays form a tree, so that every walk ends. */
    private static void requireTree(int[] left, int[] right, String source) {
        boolean[] seen = new boolean[left.length];
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>(List.of(0));
        while (!open.isEmpty()) {
            int node = open.pop();
            if (seen[node]) {
                throw new XGBoostFormatException(source + ": node " + node + " is reached twice.");
            }
            seen[node] = true;
            if (left[node] != -1) {
                open.push(left[node]);
                open.push(right[node]);
            }
        }
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static JsonNode required(JsonNode node, String field, String source) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) {
            throw new XGBoostFormatException(source + ": field '" + field + "' is missing; is this a model saved "
                    + "by XGBoost in its JSON format?");
        }
        return child;
    }
}

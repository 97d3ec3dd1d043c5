package org.fheml.models.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.junit.jupiter.api.Test;
import smile.classification.DecisionTree;
import smile.data.Tuple;

/**
 * Reading Smile's trees (thresholds by reflection, leaves, the boosting intercept and shrinkage) reproduces Smile's
 * own predictions on every training row, on float features, where thresholds do not fall between integers.
 */
class SmileWalkTest {

    private static final ClassificationDataset CANCER = Datasets.breastCancer();
    private static final ClassificationDataset WINE = Datasets.wine();
    private static final RegressionDataset DIABETES = Datasets.diabetes();

    private static TreeSettings settings(int depth) {
        return new TreeSettings(depth);
    }

    private static int[] indices(ClassificationDataset d) {
        return org.fheml.core.ClassLabels.toIndices(d.labels(), org.fheml.core.ClassLabels.distinct(d.labels()));
    }

    @Test
    void decisionTreeWalkGivesSmilesLabelsAndProbabilities() {
        int[] y = indices(CANCER);
        var trained = new DecisionTreeClassifier().train(CANCER.features(), y, 2, settings(0));
        Tuple[] rows = SmileData.rows(CANCER.features());
        double[] posteriori = new double[2];
        for (int i = 0; i < rows.length; i++) {
            double[] scores = trained.ensemble().scores(CANCER.features()[i]);
            int label = ((DecisionTree) trained.model()).predict(rows[i], posteriori);
            assertEquals(label, TreeClassifierBase.predictedIndex(scores), "row " + i);
            assertArrayEquals(posteriori, Links.normalized(scores), 1e-12, "row " + i);
        }
    }

    @Test
    void randomForestWalkGivesEveryTreesLabel() {
        int[] y = indices(WINE);
        var trained = new RandomForestClassifier().train(WINE.features(), y, 3, settings(4));
        DecisionTree[] trees = ((smile.classification.RandomForest) trained.model()).trees();
        Tuple[] rows = SmileData.rows(WINE.features());
        for (int i = 0; i < rows.length; i++) {
            for (int t = 0; t < trees.length; t++) {
                double[] leaf = trained.ensemble().trees().get(t).leafOf(WINE.features()[i]).values();
                assertEquals(trees[t].predict(rows[i]), TreeClassifierBase.predictedIndex(leaf), "row " + i);
            }
        }
    }

    @Test
    void forestsAreReproducibleThroughTheirSeeds() {
        double[][] X = WINE.features();
        int[] y = indices(WINE);
        var first = new RandomForestClassifier().setSeed(7).fit(X, WINE.labels());
        var second = new RandomForestClassifier().setSeed(7).fit(X, WINE.labels());
        var other = new RandomForestClassifier().setSeed(8).fit(X, WINE.labels());
        assertTrue(java.util.Arrays.deepEquals(first.predictProba(X), second.predictProba(X)));
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.deepEquals(first.predictProba(X),
                other.predictProba(X)), "another seed grows other trees");
    }

    @Test
    void boostingWalkGivesSmilesProbabilitiesBinaryAndMulticlass() {
        for (ClassificationDataset d : new ClassificationDataset[] {CANCER, WINE}) {
            int[] y = indices(d);
            int k = org.fheml.core.ClassLabels.distinct(d.labels()).length;
            var trained = new GradientBoostingClassifier().train(d.features(), y, k, settings(3));
            var model = (smile.classification.GradientTreeBoost) trained.model();
            Tuple[] rows = SmileData.rows(d.features());
            double[] posteriori = new double[k];
            for (int i = 0; i < rows.length; i++) {
                int label = model.predict(rows[i], posteriori);
                double[] scores = trained.ensemble().scores(d.features()[i]);
                assertEquals(label, TreeClassifierBase.predictedIndex(scores), d.name() + " row " + i);
                assertArrayEquals(posteriori, Links.boosting(scores), 1e-9, d.name() + " row " + i);
            }
        }
    }

    @Test
    void regressorWalksGiveSmilesPredictions() {
        double[][] X = DIABETES.features();
        double[] y = DIABETES.targets();
        Tuple[] rows = SmileData.rows(X);
        for (TreeRegressorBase.Trained trained : new TreeRegressorBase.Trained[] {
                new DecisionTreeRegressor().train(X, y, settings(0)),
                new RandomForestRegressor().train(X, y, settings(4)),
                new GradientBoostingRegressor().train(X, y, settings(3))}) {
            for (int i = 0; i < rows.length; i++) {
                double expected = trained.model().predict(rows[i]);
                assertEquals(expected, trained.ensemble().scores(X[i])[0], 1e-9 * Math.max(1, Math.abs(expected)),
                        trained.model().getClass().getSimpleName() + " row " + i);
            }
        }
    }

    private static void assertTrue(boolean condition) {
        org.junit.jupiter.api.Assertions.assertTrue(condition);
    }
}

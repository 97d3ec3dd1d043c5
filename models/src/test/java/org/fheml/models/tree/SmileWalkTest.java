package org.fheml.models.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.models.deploy.PostProcessing;
import org.junit.jupiter.api.Test;
import smile.data.Tuple;

/**
 * Reading Smile's boosted trees (thresholds by reflection, leaves, the intercept and shrinkage) reproduces Smile's
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
    void forestsAreReproducibleThroughTheirSeeds() {
        double[][] X = WINE.features();
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
            var estimator = new GradientBoostingClassifier();
            var model = estimator.smileModel(d.features(), y, settings(3));
            TreeEnsemble ensemble = estimator.ensemble(model);
            Tuple[] rows = SmileData.rows(d.features());
            double[] posteriori = new double[k];
            for (int i = 0; i < rows.length; i++) {
                int label = model.predict(rows[i], posteriori);
                double[] scores = ensemble.scores(d.features()[i]);
                assertEquals(label, PostProcessing.predictedIndex(scores), d.name() + " row " + i);
                assertArrayEquals(posteriori, PostProcessing.Probabilities.BOOSTING.of(scores), 1e-9,
                        d.name() + " row " + i);
            }
        }
    }

    @Test
    void boostingRegressorWalkGivesSmilesPredictions() {
        double[][] X = DIABETES.features();
        double[] y = DIABETES.targets();
        Tuple[] rows = SmileData.rows(X);
        var estimator = new GradientBoostingRegressor();
        var model = estimator.smileModel(X, y, settings(3));
        TreeEnsemble ensemble = estimator.ensemble(model);
        for (int i = 0; i < rows.length; i++) {
            double expected = model.predict(rows[i]);
            assertEquals(expected, ensemble.scores(X[i])[0], 1e-9 * Math.max(1, Math.abs(expected)), "row " + i);
        }
    }

    private static void assertTrue(boolean condition) {
        org.junit.jupiter.api.Assertions.assertTrue(condition);
    }
}

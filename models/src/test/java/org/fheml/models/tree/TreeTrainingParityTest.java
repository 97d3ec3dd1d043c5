package org.fheml.models.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.fheml.core.ClassLabels;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Split;
import org.fheml.models.Metrics;
import org.fheml.models.deploy.PostProcessing;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * fheml's float decision tree and random forest score within 1 point of scikit-learn at the same hyper-parameters
 * (unbounded Gini tree; 20 trees of depth 4, √p features, bootstrap), as a mean over the same 5 stratified splits
 * of each bundled classification data set. Both sides average over 10 seeds per split, so that the figures compare
 * the trainers rather than two random draws. The scikit-learn figures are in sklearn-tree-reference.csv, made by
 * models/src/test/python/sklearn_tree_reference.py on the rows {@link TreeReferenceSplits} writes.
 */
class TreeTrainingParityTest {

    private static final int SEEDS = 10;

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"DT, breast-cancer", "RF, breast-cancer", "DT, iris", "RF, iris", "DT, wine", "RF, wine"})
    void floatTreesMatchScikitLearn(String model, String dataset) throws IOException {
        assertWithinOnePoint(model, dataset);
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"DT, digits", "RF, digits"})
    void floatTreesMatchScikitLearnOnDigits(String model, String dataset) throws IOException {
        assertWithinOnePoint(model, dataset);
    }

    private static void assertWithinOnePoint(String model, String dataset) throws IOException {
        double reference = reference().get(model + "," + dataset);
        double fheml = meanAccuracy(model.equals("DT") ? DecisionTreeClassifier::new : RandomForestClassifier::new,
                dataset);
        System.out.printf("%s on %s: fheml %.4f, scikit-learn %.4f%n", model, dataset, fheml, reference);
        assertEquals(reference, fheml, 0.01, model + " on " + dataset);
    }

    /** The float model's test accuracy, trained as fit trains its reference, over 5 splits and 10 seeds. */
    private static double meanAccuracy(Supplier<TreeClassifierBase<?>> factory, String dataset) {
        double sum = 0;
        for (int split = 0; split < TreeReferenceSplits.SPLITS; split++) {
            Split<ClassificationDataset> s = TreeReferenceSplits.split(dataset, split);
            int[] labels = ClassLabels.distinct(s.train().labels());
            int[] y = ClassLabels.toIndices(s.train().labels(), labels);
            int[] truth = ClassLabels.toIndices(s.test().labels(), labels);
            for (int seed = 0; seed < SEEDS; seed++) {
                TreeClassifierBase<?> estimator = factory.get().setSeed(seed);
                TreeEnsemble ensemble = estimator.train(s.train().features(), y, labels.length, estimator.settings)
                        .ensemble();
                double[][] test = s.test().features();
                int[] predicted = new int[test.length];
                for (int i = 0; i < test.length; i++) {
                    predicted[i] = PostProcessing.predictedIndex(ensemble.scores(test[i]));
                }
                sum += Metrics.accuracy(predicted, truth);
            }
        }
        return sum / (TreeReferenceSplits.SPLITS * SEEDS);
    }

    private static Map<String, Double> reference() throws IOException {
        Map<String, Double> out = new HashMap<>();
        try (InputStream in = TreeTrainingParityTest.class.getResourceAsStream("sklearn-tree-reference.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] cells = line.split(",");
                if (cells.length == 3 && !line.startsWith("#") && !cells[0].equals("model")) {
                    out.put(cells[0] + "," + cells[1], Double.parseDouble(cells[2]));
                }
            }
        }
        return out;
    }
}

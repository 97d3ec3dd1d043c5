package org.fheml.models.tree;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;

/**
 * Writes the bundled classification data sets and the stratified 80/20 splits {@link TreeTrainingParityTest} uses
 * (seeds 0..4) as CSV files, so that models/src/test/python/sklearn_tree_reference.py can score scikit-learn on
 * exactly the same rows. Not a test: run its main once when the reference figures are made again.
 */
final class TreeReferenceSplits {

    static final String[] DATASETS = {"breast-cancer", "iris", "wine", "digits"};
    static final int SPLITS = 5;
    static final double TEST_FRACTION = 0.2;

    private TreeReferenceSplits() {
    }

    static Split<ClassificationDataset> split(String dataset, int seed) {
        return TrainTestSplit.stratified((ClassificationDataset) Datasets.byName(dataset), TEST_FRACTION, seed);
    }

    public static void main(String[] args) throws IOException {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/tree-reference"));
        for (String name : DATASETS) {
            ClassificationDataset d = (ClassificationDataset) Datasets.byName(name);
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve(name + ".csv")))) {
                for (int i = 0; i < d.rows(); i++) {
                    w.println(Arrays.stream(d.features()[i]).mapToObj(Double::toString)
                            .collect(Collectors.joining(",")) + "," + d.labels()[i]);
                }
            }
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve(name + "-splits.csv")))) {
                for (int seed = 0; seed < SPLITS; seed++) {
                    Split<ClassificationDataset> s = split(name, seed);
                    w.println(seed + ",train," + Arrays.stream(s.trainIndices()).mapToObj(Integer::toString)
                            .collect(Collectors.joining(" ")));
                    w.println(seed + ",test," + Arrays.stream(s.testIndices()).mapToObj(Integer::toString)
                            .collect(Collectors.joining(" ")));
                }
            }
        }
    }
}

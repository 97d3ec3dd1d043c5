package org.fheml.cli;

import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Dataset;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;

/** The train/test split the commands use: stratified for classification, shuffled for regression. */
final class DatasetSplits {

    private DatasetSplits() {
    }

    static Split<? extends Dataset> split(Dataset data, double testFraction, long seed) {
        return switch (data) {
            case ClassificationDataset d -> TrainTestSplit.stratified(d, testFraction, seed);
            case RegressionDataset d -> TrainTestSplit.shuffled(d, testFraction, seed);
        };
    }
}

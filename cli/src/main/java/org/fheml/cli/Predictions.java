package org.fheml.cli;

import java.util.Arrays;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Dataset;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.models.Metrics;

/** One value per row, a class label or a real number, scored against the truth and compared between modes. */
sealed interface Predictions {

    /** Class labels, scored by accuracy. */
    record Labels(int[] values) implements Predictions {
    }

    /** Real values, scored by R². */
    record Values(double[] values) implements Predictions {
    }

    /** The labels or targets of a dataset. */
    static Predictions truth(Dataset dataset) {
        return switch (dataset) {
            case ClassificationDataset d -> new Labels(d.labels());
            case RegressionDataset d -> new Values(d.targets());
        };
    }

    /** Accuracy or R² of these predictions against the truth of the same rows. */
    default double score(Predictions truth) {
        return switch (this) {
            case Labels(int[] p) -> Metrics.accuracy(p, ((Labels) truth).values());
            case Values(double[] p) -> Metrics.r2(p, ((Values) truth).values());
        };
    }

    /** The share of rows on which these predictions equal the reference ones. */
    default double agreement(Predictions reference) {
        return switch (this) {
            case Labels(int[] p) -> Metrics.agreement(p, ((Labels) reference).values());
            case Values(double[] p) -> Metrics.agreement(p, ((Values) reference).values());
        };
    }

    /** The first {@code rows} predictions. */
    default Predictions head(int rows) {
        return switch (this) {
            case Labels(int[] p) -> new Labels(Arrays.copyOf(p, rows));
            case Values(double[] p) -> new Values(Arrays.copyOf(p, rows));
        };
    }
}

package org.fheml.core.datasets;

import java.util.List;

/**
 * A table of numeric features with a name and a provenance: the input side shared by classification and regression
 * datasets. Rows are samples, columns are features; {@code featureNames().get(j)} names column j.
 */
public sealed interface Dataset permits ClassificationDataset, RegressionDataset {

    String name();

    /** The features, one row per sample; the dataset's own array, not a copy. */
    double[][] features();

    List<String> featureNames();

    Provenance provenance();

    default int rows() {
        return features().length;
    }

    default int featureCount() {
        return features()[0].length;
    }
}

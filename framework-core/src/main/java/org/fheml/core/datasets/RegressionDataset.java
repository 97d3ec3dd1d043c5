package org.fheml.core.datasets;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A dataset whose rows carry a real-valued target: what regressors are fitted on and scored against.
 *
 * <p>The constructor checks the shapes and copies the arrays it is given, so later changes to the caller's arrays do
 * not reach the dataset. The accessors return the dataset's own arrays without copying them. {@code equals} and
 * {@code hashCode} compare contents.
 *
 * @param name         a short name, for example "diabetes" or a CSV file's name without extension
 * @param features     one row per sample, all rows of the same length
 * @param targets      the target of each row
 * @param featureNames one name per feature column
 * @param provenance   where the data comes from
 */
public record RegressionDataset(String name, double[][] features, double[] targets, List<String> featureNames,
        Provenance provenance) implements Dataset {

    public RegressionDataset {
        name = DatasetChecks.name(name);
        features = DatasetChecks.copyFeatures(features);
        featureNames = DatasetChecks.featureNames(featureNames, features[0].length);
        targets = DatasetChecks.copyTargets(targets, features.length);
        provenance = DatasetChecks.provenance(provenance);
    }

    /** The rows at {@code rowIndices}, in that order (an index may repeat), with the same names and provenance. */
    public RegressionDataset subset(int[] rowIndices) {
        DatasetChecks.checkRowIndices(rowIndices, features.length);
        double[] selectedTargets = new double[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) {
            selectedTargets[i] = targets[rowIndices[i]];
        }
        return new RegressionDataset(name, DatasetChecks.selectRows(features, rowIndices), selectedTargets,
                featureNames, provenance);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegressionDataset that
                && name.equals(that.name)
                && Arrays.deepEquals(features, that.features)
                && Arrays.equals(targets, that.targets)
                && featureNames.equals(that.featureNames)
                && provenance.equals(that.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.deepHashCode(features), Arrays.hashCode(targets), featureNames, provenance);
    }

    @Override
    public String toString() {
        return "RegressionDataset[name=" + name + ", rows=" + rows() + ", features=" + featureCount() + "]";
    }
}

package org.fheml.core.datasets;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A dataset whose rows carry a class: what classifiers are fitted on and scored against.
 *
 * <p>Labels are class indices {@code 0 .. k-1}; {@code classNames.get(i)} names class i. The constructor checks the
 * shapes and copies the arrays it is given, so later changes to the caller's arrays do not reach the dataset. The
 * accessors return the dataset's own arrays without copying them. {@code equals} and {@code hashCode} compare contents.
 *
 * @param name         a short name, for example "iris" or a CSV file's name without extension
 * @param features     one row per sample, all rows of the same length
 * @param labels       the class index of each row
 * @param featureNames one name per feature column
 * @param classNames   one distinct name per class
 * @param provenance   where the data comes from
 */
public record ClassificationDataset(String name, double[][] features, int[] labels, List<String> featureNames,
        List<String> classNames, Provenance provenance) implements Dataset {

    public ClassificationDataset {
        name = DatasetChecks.name(name);
        features = DatasetChecks.copyFeatures(features);
        featureNames = DatasetChecks.featureNames(featureNames, features[0].length);
        classNames = DatasetChecks.classNames(classNames);
        labels = DatasetChecks.copyLabels(labels, features.length, classNames.size());
        provenance = DatasetChecks.provenance(provenance);
    }

    public int classCount() {
        return classNames.size();
    }

    /** The number of rows of each class, indexed by class index; a class without rows counts 0. */
    public int[] classCounts() {
        int[] counts = new int[classCount()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * The rows at {@code rowIndices}, in that order (an index may repeat), with the same names, classes and
     * provenance.
     */
    public ClassificationDataset subset(int[] rowIndices) {
        DatasetChecks.checkRowIndices(rowIndices, features.length);
        int[] selectedLabels = new int[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) {
            selectedLabels[i] = labels[rowIndices[i]];
        }
        return new ClassificationDataset(name, DatasetChecks.selectRows(features, rowIndices), selectedLabels,
                featureNames, classNames, provenance);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClassificationDataset that
                && name.equals(that.name)
                && Arrays.deepEquals(features, that.features)
                && Arrays.equals(labels, that.labels)
                && featureNames.equals(that.featureNames)
                && classNames.equals(that.classNames)
                && provenance.equals(that.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.deepHashCode(features), Arrays.hashCode(labels), featureNames, classNames,
                provenance);
    }

    @Override
    public String toString() {
        return "ClassificationDataset[name=" + name + ", rows=" + rows() + ", features=" + featureCount()
                + ", classes=" + classNames + "]";
    }
}

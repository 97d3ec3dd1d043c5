package org.fheml.core.datasets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Validation and copying shared by the dataset records. */
final class DatasetChecks {

    private DatasetChecks() {
    }

    static String name(String name) {
        Objects.requireNonNull(name, "name must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Dataset name must not be blank.");
        }
        return name;
    }

    /** A deep copy of {@code features} after checking that it is non-empty and rectangular. */
    static double[][] copyFeatures(double[][] features) {
        Objects.requireNonNull(features, "features must not be null");
        if (features.length == 0) {
            throw new IllegalArgumentException("features has no rows; a dataset needs at least one row.");
        }
        double[][] copy = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            if (features[i] == null) {
                throw new IllegalArgumentException("features row " + i + " is null.");
            }
            if (features[i].length != features[0].length) {
                throw new IllegalArgumentException("features is not rectangular: row " + i + " has "
                        + features[i].length + " values but row 0 has " + features[0].length + ".");
            }
            copy[i] = features[i].clone();
        }
        if (copy[0].length == 0) {
            throw new IllegalArgumentException("features has no columns; a dataset needs at least one feature.");
        }
        return copy;
    }

    static List<String> featureNames(List<String> featureNames, int columns) {
        List<String> names = noNulls(featureNames, "featureNames");
        if (names.size() != columns) {
            throw new IllegalArgumentException("featureNames has " + names.size() + " names but features has "
                    + columns + " columns; give one name per column.");
        }
        return names;
    }

    static List<String> classNames(List<String> classNames) {
        List<String> names = noNulls(classNames, "classNames");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("classNames is empty; a classification dataset needs at least one class.");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("classNames contains \"" + name + "\" twice; class names must be distinct.");
            }
        }
        return names;
    }

    static int[] copyLabels(int[] labels, int rows, int classCount) {
        Objects.requireNonNull(labels, "labels must not be null");
        if (labels.length != rows) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries but features has " + rows
                    + " rows; give one label per row.");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + " is not a class index in 0.."
                        + (classCount - 1) + " (there are " + classCount + " classNames).");
            }
        }
        return labels.clone();
    }

    static double[] copyTargets(double[] targets, int rows) {
        Objects.requireNonNull(targets, "targets must not be null");
        if (targets.length != rows) {
            throw new IllegalArgumentException("targets has " + targets.length + " entries but features has " + rows
                    + " rows; give one target per row.");
        }
        return targets.clone();
    }

    static Provenance provenance(Provenance provenance) {
        return Objects.requireNonNull(provenance, "provenance must not be null");
    }

    static void checkRowIndices(int[] rowIndices, int rows) {
        Objects.requireNonNull(rowIndices, "rowIndices must not be null");
        if (rowIndices.length == 0) {
            throw new IllegalArgumentException("rowIndices is empty; a subset needs at least one row.");
        }
        for (int i = 0; i < rowIndices.length; i++) {
            if (rowIndices[i] < 0 || rowIndices[i] >= rows) {
                throw new IllegalArgumentException("rowIndices[" + i + "] = " + rowIndices[i]
                        + " is not a row of this dataset (rows 0.." + (rows - 1) + ").");
            }
        }
    }

    static double[][] selectRows(double[][] features, int[] rowIndices) {
        double[][] selected = new double[rowIndices.length][];
        for (int i = 0; i < rowIndices.length; i++) {
            selected[i] = features[rowIndices[i]];
        }
        return selected;
    }

    private static List<String> noNulls(List<String> names, String what) {
        Objects.requireNonNull(names, what + " must not be null");
        List<String> copy = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null) {
                throw new IllegalArgumentException(what + "[" + i + "] is null.");
            }
            copy.add(names.get(i));
        }
        return List.copyOf(copy);
    }
}

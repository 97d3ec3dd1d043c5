package org.fheml.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.fheml.core.datasets.CsvDatasets;
import org.fheml.core.datasets.Dataset;
import org.fheml.core.datasets.Datasets;

/**
 * Where {@code bench} reads its data: a bundled dataset by name, or a CSV file with a label (or target) column,
 * read as the model's task needs it.
 */
final class BenchData {

    /** A problem with the options that name the data: a usage error. */
    static final class UsageException extends IllegalArgumentException {

        UsageException(String message) {
            super(message);
        }
    }

    /** The bundled dataset names, for picocli's completion candidates and the {@code --dataset} help. */
    static final class DatasetNames implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return Datasets.names().iterator();
        }
    }

    private BenchData() {
    }

    /**
     * The dataset named by the options, checked against the model's task.
     *
     * @throws UsageException when the options are missing, contradictory or name nothing that exists
     * @throws IllegalArgumentException when the file's content cannot be used (it names the line)
     */
    static Dataset load(String dataset, Path csv, String label, ModelRegistry.Entry model) {
        if (dataset != null && csv != null) {
            throw new UsageException("Give either --dataset or --csv, not both.");
        }
        if (csv == null && label != null) {
            throw new UsageException("--label goes with --csv FILE; a bundled --dataset has its labels already.");
        }
        if (dataset == null && csv == null) {
            throw new UsageException("Give --dataset NAME (one of " + String.join(", ", Datasets.names())
                    + ") or --csv FILE --label COLUMN.");
        }
        return dataset != null ? bundled(dataset, model) : csv(csv, label, model.task());
    }

    private static Dataset bundled(String name, ModelRegistry.Entry model) {
        Dataset data;
        try {
            data = Datasets.byName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Task task = Task.of(data);
        if (task != model.task()) {
            throw new UsageException(model.name() + " is a " + model.task().modelNoun() + " but " + data.name()
                    + " is a " + task.adjective() + " dataset; pick a " + task.modelNoun() + " ("
                    + ModelRegistry.names(task) + ") or a " + model.task().adjective() + " dataset.");
        }
        return data;
    }

    private static Dataset csv(Path file, String label, Task task) {
        if (label == null || label.isBlank()) {
            throw new UsageException("--csv needs --label COLUMN, the header of the column that holds the "
                    + (task == Task.CLASSIFICATION ? "class labels." : "targets."));
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--csv " + file + ": no such file; give the path of a CSV file with a header row.");
        }
        try {
            return task == Task.CLASSIFICATION
                    ? CsvDatasets.loadClassification(file, label)
                    : CsvDatasets.loadRegression(file, label);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getCause().getMessage() + ".", e);
        }
    }
}

package org.fheml.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.fheml.core.datasets.Dataset;
import org.fheml.core.datasets.Split;
import org.fheml.models.onnx.OnnxModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fheml bench accuracy}: a model's score against n_bits in every mode, with its circuit's cost. */
@Command(name = "accuracy",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"A model's score against n_bits in every mode, with its circuit's bit-width, bootstraps and "
                + "EXECUTE time.",
                "",
                "Fits the model on the training rows at each n_bits, compiles it, and scores it on the test rows: the "
                        + "float model, DISABLE and SIMULATE on every test row, EXECUTE on the first --fhe-rows rows, where "
                        + "the float model, DISABLE and SIMULATE are scored again, so that every mode is compared on "
                        + "the same rows. "
                        + "Also prints how often SIMULATE and EXECUTE agree with DISABLE, the circuit's maximum "
                        + "bit-width, its bootstrap count and the milliseconds per row in EXECUTE. The score is "
                        + "accuracy for classifiers (stratified split) and R² for regressors (shuffled split).",
                ""},
        footer = {"", "Examples:", "  fheml bench accuracy --model LogisticRegression --dataset iris --bits 4,6,8",
                "  fheml bench accuracy --onnx cnn.onnx --csv digits.csv --label label --bits 3,4,6,8"})
final class AccuracyCommand implements Callable<Integer> {

    private static final int MAX_N_BITS = 16;

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL", completionCandidates = ModelRegistry.Names.class,
            description = "Estimator class name, case-insensitive: ${COMPLETION-CANDIDATES}.")
    private String model;

    @Option(names = "--onnx", paramLabel = "FILE",
            description = "A trained network exported to ONNX, instead of --model: its float graph against its "
                    + "circuit, quantized post-training at each n_bits on the training rows (a QCDQ file keeps its own "
                    + "widths). Its output indices are the labels.")
    private Path onnx;

    @Option(names = "--dataset", paramLabel = "NAME", completionCandidates = BenchData.DatasetNames.class,
            description = "Bundled dataset: ${COMPLETION-CANDIDATES}.")
    private String dataset;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Your own CSV file with a header row, instead of --dataset.")
    private Path csv;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "Header of the CSV column holding the labels (any text) or the targets (numbers).")
    private String label;

    @Option(names = "--bits", split = ",", paramLabel = "N",
            description = {"The n_bits to measure, comma-separated, each 1..16 (default: 2,3,4,5,6,7,8; networks "
                    + "2,3,4).",
                    "For MLPClassifier and MLPRegressor, N is n_weight/n_activation: weights and hidden activations "
                            + "both get N bits (inputs keep the model's width; accumulators widen to at least 2N+2 "
                            + "bits)."})
    private List<Integer> bits;

    @Option(names = "--fhe-rows", paramLabel = "K", defaultValue = "20",
            description = "Test rows to run in EXECUTE; 0 skips EXECUTE (default: ${DEFAULT-VALUE}).")
    private int fheRows;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Share of rows held out for testing, in (0, 1) (default: ${DEFAULT-VALUE}).")
    private double testFraction;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the train/test split (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also write the score against n_bits as a PNG.")
    private Path plot;

    @Option(names = "--progress",
            description = "Show progress on standard error even when it is not a terminal (it is shown on a terminal).")
    private boolean progress;

    @Override
    public Integer call() throws Exception {
        ModelRegistry.Entry entry = entry();
        List<Integer> nBits = checkedBits(entry);
        checkNumbers();
        Dataset data;
        try {
            data = BenchData.load(dataset, csv, label, entry);
        } catch (BenchData.UsageException e) {
            throw usage(e.getMessage());
        }
        Split<? extends Dataset> split = split(data);

        List<AccuracyRow> rows;
        try (Progress bar = progress(nBits.size())) {
            rows = new AccuracySweep(entry, split.train(), split.test(), fheRows).run(nBits, bar);
        }
        AccuracyReport report = new AccuracyReport(entry.name(), data.name(), rows);
        if (plot != null) {
            AccuracyPlot.write(report, entry.task(), plot);
        }
        print(report, entry.task(), data, split);
        return 0;
    }

    private ModelRegistry.Entry entry() {
        if ((model == null) == (onnx == null)) {
            throw usage("Give either --model MODEL or --onnx FILE.");
        }
        if (onnx == null) {
            return ModelRegistry.find(model).orElseThrow(() -> usage(ModelRegistry.unknownModelMessage(model)));
        }
        if (!java.nio.file.Files.isRegularFile(onnx)) {
            throw usage("--onnx " + onnx + ": no such file; give the path of an .onnx file.");
        }
        OnnxModel.load(onnx); // a damaged or unsupported file fails here, before any data is read
        return new ModelRegistry.Entry("onnx:" + onnx.getFileName(), Task.CLASSIFICATION, OnnxModel.DEFAULT_N_BITS,
                nBits -> new BenchModel.OfOnnx(OnnxModel.load(onnx).setNBits(nBits)));
    }

    private List<Integer> checkedBits(ModelRegistry.Entry entry) {
        if (bits == null) {
            return entry.sweep();
        }
        for (int n : bits) {
            if (n < 1 || n > MAX_N_BITS) {
                throw usage("--bits: " + n + " is out of range; each n_bits must be 1.." + MAX_N_BITS
                        + ", for example --bits 2,4,8.");
            }
        }
        return List.copyOf(new TreeSet<>(bits));
    }

    private void checkNumbers() {
        if (fheRows < 0) {
            throw usage("--fhe-rows must be 0 or more, got " + fheRows + "; 0 skips EXECUTE.");
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw usage("--test-fraction must be strictly between 0 and 1, got " + testFraction
                    + "; for example 0.2 keeps 20% of the rows for testing.");
        }
    }

    private Split<? extends Dataset> split(Dataset data) {
        return DatasetSplits.split(data, testFraction, seed);
    }

    private Progress progress(int steps) {
        boolean terminal = Progress.stderrIsTerminal();
        return progress || terminal
                ? Progress.on(spec.commandLine().getErr(), "bench accuracy", steps, terminal)
                : Progress.silent();
    }

    private void print(AccuracyReport report, Task task, Dataset data, Split<? extends Dataset> split)
            throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            report.rows().stream().map(AccuracyRow::executeNote).filter(note -> note != null).distinct()
                    .forEach(note -> spec.commandLine().getErr().println("fheml bench accuracy: " + note));
        } else {
            out.printf("fheml bench accuracy: %s on %s (%s, %d rows, %d features)%n", report.model(), report.dataset(),
                    task.adjective(), data.rows(), data.featureCount());
            out.printf("  %d train / %d test rows (%s, seed %d); score: %s; EXECUTE on the first %d test rows, "
                    + "with DISABLE and SIMULATE on those rows too%n",
                    split.train().rows(), split.test().rows(),
                    task == Task.CLASSIFICATION ? "stratified" : "shuffled", seed, task.scoreName(),
                    Math.min(fheRows, split.test().rows()));
            out.println();
            AccuracyTable.print(out, report.rows());
        }
        if (plot != null && !json) {
            out.println("plot: " + plot);
        }
        out.flush();
        spec.commandLine().getErr().flush();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}

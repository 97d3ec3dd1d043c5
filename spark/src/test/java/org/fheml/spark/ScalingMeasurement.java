package org.fheml.spark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.ServerBundle;
import org.fheml.compilation.ServerCircuit;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.models.tree.DecisionTreeClassifier;
import org.fheml.models.tree.TreeInputEncoding;

/**
 * Throughput of encrypted scoring of a decision tree on breast-cancer rows: Spark at {@code local[1]} and
 * {@code local[2]}, against the single-JVM batch path ({@link ServerCircuit#runBatch}, all rows in one batch) on
 * 2 threads. Every path's results must decrypt to the circuit's clear evaluation. Not a test: run it alone, on a
 * quiet machine, e.g.
 * <pre>
 * java -cp "$(cat spark/target/test-classpath.txt):spark/target/classes:spark/target/test-classes" \
 *     --add-modules jdk.incubator.vector org.fheml.spark.ScalingMeasurement [rows] [batchRows] [maxDepth] [repeats] [INTEGERS|THERMOMETER]
 * </pre>
 */
public final class ScalingMeasurement {

    private ScalingMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 48;
        int batchRows = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int depth = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        TreeInputEncoding encoding = args.length > 4 ? TreeInputEncoding.valueOf(args[4]) : TreeInputEncoding.INTEGERS;
        ClassificationDataset cancer = Datasets.breastCancer();
        DecisionTreeClassifier tree = new DecisionTreeClassifier().setMaxDepth(depth).setInputEncoding(encoding)
                .fit(cancer.features(), cancer.labels());
        Circuit circuit = tree.compile(cancer.features());
        ServerBundle bundle = ServerBundle.of(circuit, "DecisionTreeClassifier");
        long[][] q = tree.quantizeInput(Arrays.copyOf(cancer.features(), rows));
        List<byte[]> requests = new ArrayList<>();
        for (long[] x : q) {
            requests.add(circuit.encryptToBytes(x));
        }
        byte[] keys = circuit.evaluationKeys();
        System.out.printf("tree depth %d (%s inputs) on breast cancer: %s; %d rows, batches of %d, evaluation keys "
                + "%.1f MiB, request %.2f MiB a row%n", depth, encoding, circuit.statistics(), rows, batchRows,
                keys.length / 1048576.0, requests.getFirst().length / 1048576.0);
        System.out.println("load average before: " + load());

        double single = 0;
        double local1 = 0;
        double local2 = 0;
        long loadStart = System.nanoTime();
        long loadCpu = cpuNanos();
        try (ServerCircuit server = bundle.open(keys, 2)) {
            System.out.printf("loading the keys (decompression): %.1f s, %.1f CPU s%n", seconds(loadStart),
                    (cpuNanos() - loadCpu) / 1e9);
            check(circuit, q, server.runBatch(requests.subList(0, 2)).stream().map(ScalingMeasurement::bytes)
                    .toList(), 2);
            double cpu = 0;
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                long cpuStart = cpuNanos();
                List<byte[]> results = server.runBatch(requests).stream().map(ScalingMeasurement::bytes).toList();
                if (rows / seconds(start) > single) {
                    single = rows / seconds(start);
                    cpu = (cpuNanos() - cpuStart) / 1e9 / rows;
                }
                check(circuit, q, results, rows);
            }
            System.out.printf("single JVM, 2 threads: %.2f rows/s, %.2f CPU s a row (best of %d, load %s)%n",
                    single, cpu, repeats, load());
        }
        for (String master : List.of("local[1]", "local[2]")) {
            SparkSession spark = SparkSession.builder().master(master).appName("fheml scaling")
                    .config("spark.ui.enabled", "false").getOrCreate();
            try {
                List<Row> input = new ArrayList<>();
                for (int i = 0; i < rows; i++) {
                    input.add(RowFactory.create((long) i, requests.get(i)));
                }
                Dataset<Row> encrypted = spark.createDataFrame(input, SavedModel.ENCRYPTED)
                        .repartition(Math.max(2, rows / batchRows)).cache();
                encrypted.count();
                ScoreOptions options = ScoreOptions.DEFAULT.withBatchRows(batchRows);
                FheSpark.score(encrypted.limit(2), bundle, keys, options).collectAsList();
                double best = 0;
                double cpu = 0;
                for (int r = 0; r < repeats; r++) {
                    long start = System.nanoTime();
                    long cpuStart = cpuNanos();
                    List<Row> scored = FheSpark.score(encrypted, bundle, keys, options).collectAsList();
                    if (rows / seconds(start) > best) {
                        best = rows / seconds(start);
                        cpu = (cpuNanos() - cpuStart) / 1e9 / rows;
                    }
                    check(circuit, q, scored.stream().sorted(Comparator.comparingLong(row -> row.getLong(0)))
                            .map(row -> (byte[]) row.get(1)).toList(), rows);
                }
                System.out.printf("Spark %s: %.2f rows/s, %.2f CPU s a row (best of %d, load %s)%n", master, best,
                        cpu, repeats, load());
                if (master.equals("local[1]")) {
                    local1 = best;
                } else {
                    local2 = best;
                }
            } finally {
                spark.stop();
            }
        }
        System.out.printf("local[2] / local[1] = %.2f (efficiency %.0f %%); local[2] / single JVM 2 threads = %.2f%n",
                local2 / local1, 50 * local2 / local1, local2 / single);
        System.out.println("load average after: " + load());
        System.out.println("CPU: " + cpu());
    }

    private static byte[] bytes(ServerCircuit.Outcome outcome) {
        return switch (outcome) {
            case ServerCircuit.Outcome.Evaluated evaluated -> evaluated.results();
            case ServerCircuit.Outcome.Refused refused -> throw refused.reason();
        };
    }

    private static void check(Circuit circuit, long[][] q, List<byte[]> results, int n) {
        for (int i = 0; i < n; i++) {
            if (!Arrays.equals(circuit.evaluate(q[i]), circuit.decryptBytes(results.get(i)))) {
                throw new AssertionError("row " + i + " does not decrypt to the clear evaluation");
            }
        }
    }

    /** CPU time of this whole JVM (every thread: Spark's, the bootstraps'). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String load() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String cpu() throws java.io.IOException {
        String info = Files.readString(Path.of("/proc/cpuinfo"));
        String model = info.lines().filter(l -> l.startsWith("model name")).findFirst().orElse("?");
        List<String> flags = new ArrayList<>();
        for (String flag : List.of("avx2", "fma", "avx512f", "avx512dq", "avx512vl")) {
            if (info.contains(" " + flag + " ") || info.contains(" " + flag + "\n")) {
                flags.add(flag);
            }
        }
        return model.substring(model.indexOf(':') + 2) + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, " + flags;
    }
}

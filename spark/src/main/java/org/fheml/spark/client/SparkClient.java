package org.fheml.spark.client;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fheml.compilation.KeyDirectory;
import org.fheml.compilation.KeyProtection;
import org.fheml.core.datasets.Datasets;
import org.fheml.models.deploy.FheModelClient;
import org.fheml.models.tree.DecisionTreeClassifier;
import org.fheml.models.tree.TreeInputEncoding;
import org.fheml.spark.JobArguments;

/**
 * The data owner's command line for Spark scoring (see the README, "Encrypted batch scoring on Apache Spark"):
 * <pre>
 * example-model --output DIR          fit a decision tree on the bundled breast-cancer data and save it
 * encrypt --client DIR --keys KEYDIR (--dataset NAME | --input FILE.csv|.parquet [--id COL] [--ignore A,B])
 *         [--rows N] --output ENCRYPTED.parquet   encrypt (the first N) rows; keys made in KEYDIR on first use
 * decrypt --client DIR --keys KEYDIR --results RESULTS.parquet --output PREDICTIONS.csv
 * </pre>
 * The secret key in KEYDIR is encrypted with the passphrase in the environment variable
 * {@value #PASSPHRASE_VARIABLE}; without it, {@code --key-protection owner-only} stores it unencrypted, readable by
 * its owner only. Every command also takes {@code --master} (default {@code local[*]}).
 */
public final class SparkClient {

    /** The environment variable holding the key folder's passphrase. */
    public static final String PASSPHRASE_VARIABLE = "FHEML_KEY_PASSPHRASE";

    private SparkClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: SparkClient example-model|encrypt|decrypt --option value ...");
            System.exit(2);
        }
        try {
            System.out.println(run(args[0], List.of(args).subList(1, args.length)));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** Runs one command; returns the line it prints. */
    public static String run(String command, List<String> args) throws java.io.IOException {
        return switch (command) {
            case "example-model" -> exampleModel(JobArguments.parse(args, Set.of("output"), Set.of("max-depth")));
            case "encrypt" -> {
                JobArguments options = JobArguments.parse(args, Set.of("client", "keys", "output"),
                        Set.of("dataset", "input", "id", "ignore", "rows", "master", "key-protection"));
                yield inSession(options, spark -> encrypt(spark, options));
            }
            case "decrypt" -> {
                JobArguments options = JobArguments.parse(args, Set.of("client", "keys", "results", "output"),
                        Set.of("master", "key-protection"));
                yield inSession(options, spark -> decrypt(spark, options));
            }
            default -> throw new IllegalArgumentException("Unknown command " + command
                    + "; the commands are example-model, encrypt, decrypt.");
        };
    }

    private static String exampleModel(JobArguments options) {
        int depth = options.positive("max-depth", 4);
        DecisionTreeClassifier tree = exampleTree(depth);
        Path dir = Path.of(options.get("output"));
        tree.save(dir);
        return "saved a decision tree of depth " + depth + " (breast cancer, 569 rows, 30 features; "
                + tree.fheCircuit().statistics().bootstrapCount() + " bootstraps a row) into " + dir.toAbsolutePath()
                + " (client/ and server/)";
    }

    /**
     * The example model: a decision tree fitted on all of the bundled breast-cancer data and compiled. Its inputs are
     * integers compared inside the circuit, which keeps a row's ciphertexts small (about 0.5 MiB; thermometer inputs
     * would take about 30 MiB a row).
     */
    public static DecisionTreeClassifier exampleTree(int maxDepth) {
        var data = Datasets.breastCancer();
        DecisionTreeClassifier tree = new DecisionTreeClassifier().setMaxDepth(maxDepth)
                .setInputEncoding(TreeInputEncoding.INTEGERS).fit(data.features(), data.labels());
        tree.compile(data.features());
        return tree;
    }

    private static String encrypt(SparkSession spark, JobArguments options) {
        FheModelClient client = client(options);
        Dataset<Row> table;
        String id = options.get("id");
        if (options.get("dataset") != null) {
            table = bundled(spark, options.get("dataset"));
        } else if (options.get("input") != null) {
            String input = options.get("input");
            table = input.endsWith(".parquet") ? spark.read().parquet(input)
                    : spark.read().option("header", true).option("inferSchema", true).csv(input);
        } else {
            throw new IllegalArgumentException("encrypt needs --dataset NAME or --input FILE.");
        }
        if (options.get("rows") != null) {
            table = table.limit(options.positive("rows", 1));
        }
        Set<String> ignored = options.get("ignore") == null ? Set.of()
                : Arrays.stream(options.get("ignore").split(",")).map(String::trim).collect(Collectors.toSet());
        long rows = EncryptedFiles.encrypt(client, table, id, ignored, Path.of(options.get("output")));
        return "encrypted " + rows + " rows into " + options.get("output") + "; evaluation keys for the server: "
                + Path.of(options.get("keys"), KeyDirectory.EVALUATION_KEYS);
    }

    private static String decrypt(SparkSession spark, JobArguments options) throws java.io.IOException {
        FheModelClient client = client(options);
        List<Prediction> predictions = EncryptedFiles.decrypt(client, spark.read().parquet(options.get("results")));
        EncryptedFiles.writeCsv(predictions, Path.of(options.get("output")));
        long errors = predictions.stream().filter(p -> !p.ok()).count();
        return "decrypted " + predictions.size() + " rows (" + errors + " with an error) into "
                + options.get("output");
    }

    /** A bundled data set's features as columns f0, f1, … (its labels left out). */
    static Dataset<Row> bundled(SparkSession spark, String name) {
        double[][] x = Datasets.byName(name).features();
        StructField[] fields = new StructField[x[0].length];
        for (int f = 0; f < fields.length; f++) {
            fields[f] = DataTypes.createStructField("f" + f, DataTypes.DoubleType, false);
        }
        List<Row> rows = Arrays.stream(x).map(r -> RowFactory.create(Arrays.stream(r).boxed().toArray()))
                .toList();
        return spark.createDataFrame(rows, new StructType(fields));
    }

    private static FheModelClient client(JobArguments options) {
        return FheModelClient.load(Path.of(options.get("client")))
                .loadOrGenerateKeys(Path.of(options.get("keys")), protection(options));
    }

    private static KeyProtection protection(JobArguments options) {
        String passphrase = System.getenv(PASSPHRASE_VARIABLE);
        if (passphrase != null && !passphrase.isEmpty()) {
            return KeyProtection.passphrase(passphrase.toCharArray());
        }
        if ("owner-only".equals(options.get("key-protection"))) {
            return KeyProtection.unencryptedOwnerOnly();
        }
        throw new IllegalArgumentException("Set " + PASSPHRASE_VARIABLE + " to the key folder's passphrase, or pass "
                + "--key-protection owner-only to keep the secret key unencrypted (readable by its owner only).");
    }

    private interface Job {
        String run(SparkSession spark) throws java.io.IOException;
    }

    /** Runs a job in the running session if there is one (a caller's, left open), else in a new one. */
    private static String inSession(JobArguments options, Job job) throws java.io.IOException {
        if (SparkSession.getDefaultSession().isDefined()) {
            return job.run(SparkSession.getDefaultSession().get());
        }
        SparkSession spark = SparkSession.builder().appName("fheml spark client")
                .master(options.get("master", "local[*]")).getOrCreate();
        try {
            return job.run(spark);
        } finally {
            spark.stop();
        }
    }
}

package org.fheml.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.fheml.compilation.KeyDirectory;
import org.fheml.compilation.ServerBundle;

/**
 * The server's Spark job: reads a Parquet file of encrypted rows ({@value FheSpark#ID}, {@value FheSpark#CIPHERTEXT}),
 * scores them with a saved model's server bundle under one client's evaluation keys, and writes the encrypted
 * results ({@value FheSpark#ID}, {@value FheSpark#RESULT}, {@value FheSpark#ERROR}) as Parquet.
 *
 * <pre>
 * spark-submit --class org.fheml.spark.SparkScore fheml-spark-job.jar \
 *     --model model/server --keys keys/evaluation-keys.fheml \
 *     --input encrypted.parquet --output results.parquet [--batch-rows 16] [--partitions N] [--master local[2]]
 * </pre>
 * {@code --model} is the server bundle's folder (or a saved model's folder holding it as {@code server/});
 * {@code --keys} the evaluation keys file (or the key folder holding {@code evaluation-keys.fheml}).
 */
public final class SparkScore {

    private static final Set<String> REQUIRED = Set.of("model", "keys", "input", "output");
    private static final Set<String> OPTIONAL = Set.of("batch-rows", "partitions", "master");

    private SparkScore() {
    }

    public static void main(String[] args) throws Exception {
        JobArguments options;
        try {
            options = JobArguments.parse(List.of(args), REQUIRED, OPTIONAL);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("fheml spark-score");
        if (options.get("master") != null) {
            builder.master(options.get("master"));
        }
        SparkSession spark = builder.getOrCreate();
        try {
            Summary summary = run(spark, options);
            System.out.println(summary);
        } finally {
            spark.stop();
        }
    }

    /** What a run did. */
    public record Summary(long rows, long refused, double seconds) {
        @Override
        public String toString() {
            return String.format("scored %d rows (%d refused) in %.1f s: %.2f rows/s", rows, refused, seconds,
                    rows / seconds);
        }
    }

    /** Runs the job in an existing session. */
    public static Summary run(SparkSession spark, JobArguments options) throws java.io.IOException {
        Path model = Path.of(options.get("model"));
        // a saved model's folder holds its server bundle as server/ (models' ModelBundles.SERVER)
        if (Files.isDirectory(model.resolve("server"))) {
            model = model.resolve("server");
        }
        Path keys = Path.of(options.get("keys"));
        if (Files.isDirectory(keys)) {
            keys = keys.resolve(KeyDirectory.EVALUATION_KEYS);
        }
        ServerBundle bundle = ServerBundle.load(model);
        byte[] evaluationKeys = Files.readAllBytes(keys);
        Dataset<Row> encrypted = spark.read().parquet(options.get("input"));
        if (options.get("partitions") != null) {
            encrypted = encrypted.repartition(options.positive("partitions", 1));
        }
        ScoreOptions scoring = ScoreOptions.DEFAULT.withBatchRows(options.positive("batch-rows",
                ScoreOptions.DEFAULT.batchRows()));
        long start = System.nanoTime();
        Dataset<Row> results = FheSpark.score(encrypted, bundle, evaluationKeys, scoring);
        results.write().parquet(options.get("output"));
        double seconds = (System.nanoTime() - start) / 1e9;
        Dataset<Row> written = spark.read().parquet(options.get("output"));
        return new Summary(written.count(), written.filter(functions.col(FheSpark.ERROR).isNotNull()).count(),
                seconds);
    }
}

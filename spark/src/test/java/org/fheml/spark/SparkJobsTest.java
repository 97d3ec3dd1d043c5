package org.fheml.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.Datasets;
import org.fheml.spark.client.SparkClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example job end to end, as the README runs it: the data owner saves a tree fitted on breast cancer and
 * encrypts rows into Parquet, the Spark job scores the file, the data owner decrypts the results into a CSV of
 * predictions equal to {@code predict(X, EXECUTE)}.
 */
class SparkJobsTest {

    private static final int ROWS = 6;

    /** Two key generations, two tree fits and 6 rows scored twice (by Spark and by predict): too long by default. */
    @Test
    @Tag("slow")
    void theExampleJobScoresBreastCancerRowsEndToEnd(@TempDir Path dir) throws Exception {
        String model = dir.resolve("model").toString();
        String keys = dir.resolve("keys").toString();
        String encrypted = dir.resolve("encrypted.parquet").toString();
        String results = dir.resolve("results.parquet").toString();
        Path predictions = dir.resolve("predictions.csv");
        assertTrue(SparkClient.run("example-model", List.of("--output", model, "--max-depth", "2"))
                .contains("saved a decision tree of depth 2"));
        String encryptedLine = SparkClient.run("encrypt", List.of("--client", model + "/client", "--keys", keys,
                "--dataset", "breast-cancer", "--rows", String.valueOf(ROWS), "--output", encrypted,
                "--key-protection", "owner-only"));
        assertTrue(encryptedLine.startsWith("encrypted " + ROWS + " rows"), encryptedLine);
        SparkScore.Summary summary = SparkScore.run(LocalSpark.session(), JobArguments.parse(List.of("--model", model,
                "--keys", keys, "--input", encrypted, "--output", results, "--batch-rows", "2", "--partitions", "2"),
                Set.of("model", "keys", "input", "output"), Set.of("batch-rows", "partitions")));
        assertEquals(ROWS, summary.rows());
        assertEquals(0, summary.refused());
        SparkClient.run("decrypt", List.of("--client", model + "/client", "--keys", keys, "--results", results,
                "--output", predictions.toString(), "--key-protection", "owner-only"));

        List<String> lines = Files.readAllLines(predictions);
        assertEquals("id,prediction,error", lines.getFirst());
        int[] labels = lines.stream().skip(1).map(l -> l.split(",", -1))
                .sorted((a, b) -> Long.compare(Long.parseLong(a[0]), Long.parseLong(b[0])))
                .mapToInt(f -> {
                    assertEquals("", f[2], "no error");
                    return Integer.parseInt(f[1]);
                }).toArray();
        double[][] rows = Arrays.copyOf(Datasets.breastCancer().features(), ROWS);
        assertArrayEquals(SparkClient.exampleTree(2).predict(rows, FheMode.EXECUTE), labels);
    }

    @Test
    void jobOptionsAreCheckedByName() {
        Set<String> required = Set.of("model", "input");
        Set<String> optional = Set.of("batch-rows");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JobArguments.parse(List.of("--model", "m"),
                required, optional)).getMessage().startsWith("Missing option --input"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JobArguments.parse(List.of("--modle", "m"),
                required, optional)).getMessage().startsWith("Unknown option --modle"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JobArguments.parse(List.of("--model"),
                required, optional)).getMessage().contains("needs a value"));
        JobArguments ok = JobArguments.parse(List.of("--model", "m", "--input", "i", "--batch-rows", "0"), required,
                optional);
        assertEquals("m", ok.get("model"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ok.positive("batch-rows", 4)).getMessage()
                .contains("positive integer"));
        assertEquals(7, JobArguments.parse(List.of("--model", "m", "--input", "i"), required, optional)
                .positive("batch-rows", 7));
    }
}

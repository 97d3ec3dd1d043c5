package org.fheml.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.models.deploy.FheModelClient;
import org.fheml.models.linear.LogisticRegression;
import org.fheml.models.tree.DecisionTreeClassifier;
import org.fheml.models.tree.TreeInputEncoding;
import org.fheml.spark.client.EncryptedFiles;
import org.fheml.spark.client.Prediction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encrypted scoring on {@code local[2]}: results decrypt to {@code predict(X, EXECUTE)} row for row, a task that
 * fails is retried without losing or repeating a row, a bad row fills its error column, and the keys are
 * decompressed once per executor.
 */
class FheSparkTest {

    private static final ClassificationDataset CANCER = Datasets.breastCancer();

    @TempDir
    static Path dir;

    private static LogisticRegression linear;
    private static SavedModel linearSaved;

    @BeforeAll
    static void fitAndSaveALinearModel() {
        linear = new LogisticRegression().fit(CANCER.features(), CANCER.labels());
        linear.compile(CANCER.features());
        linearSaved = SavedModel.of(linear, dir.resolve("linear"));
    }

    @Test
    void aLinearModelScoresEveryRowAsPredictExecuteDoes() {
        double[][] rows = Arrays.copyOf(CANCER.features(), 16);
        Dataset<Row> scored = FheSpark.score(linearSaved.encrypted(rows, 4), linearSaved.server(),
                linearSaved.evaluationKeys(), ScoreOptions.DEFAULT.withBatchRows(3));
        assertEquals(List.of(FheSpark.ID, FheSpark.RESULT, FheSpark.ERROR), List.of(scored.schema().fieldNames()));
        assertArrayEquals(linear.predict(rows, FheMode.EXECUTE), labels(linearSaved.client(), scored, rows.length));
    }

    @Test
    void aTreeModelScoresEveryRowAsPredictExecuteDoesAndLoadsItsKeysOnce() {
        DecisionTreeClassifier tree = new DecisionTreeClassifier().setMaxDepth(2)
                .setInputEncoding(TreeInputEncoding.INTEGERS).fit(CANCER.features(), CANCER.labels());
        tree.compile(CANCER.features());
        SavedModel saved = SavedModel.of(tree, dir.resolve("tree"));
        double[][] rows = Arrays.copyOfRange(CANCER.features(), 20, 24);
        Dataset<Row> encrypted = saved.encrypted(rows, 2).cache();
        int loadsBefore = ExecutorCircuits.loads();
        Dataset<Row> scored = FheSpark.score(encrypted, saved.server(), saved.evaluationKeys(),
                ScoreOptions.DEFAULT.withBatchRows(2));
        assertArrayEquals(tree.predict(rows, FheMode.EXECUTE), labels(saved.client(), scored, rows.length));
        assertEquals(loadsBefore + 1, ExecutorCircuits.loads(), "2 tasks on one executor decompress the keys once");
        FheSpark.score(encrypted.limit(1), saved.server(), saved.evaluationKeys(), ScoreOptions.DEFAULT.withThreads(2))
                .collectAsList();
        assertEquals(loadsBefore + 1, ExecutorCircuits.loads(), "a second job reuses the executor's circuit");
    }

    /** Thrown once, by the first attempt of partition 1, after it has scored a row. */
    private static final AtomicInteger INJECTED = new AtomicInteger();

    @Test
    void aTaskThatFailsOnceIsRetriedWithoutLosingOrRepeatingARow() {
        double[][] rows = Arrays.copyOfRange(CANCER.features(), 100, 112);
        Dataset<Row> scored = FheSpark.score(linearSaved.encrypted(rows, 3), linearSaved.server(),
                linearSaved.evaluationKeys(), ScoreOptions.DEFAULT.withBatchRows(2));
        int before = INJECTED.get();
        Dataset<Row> failing = scored.mapPartitions(new FailOnce(), Encoders.row(scored.schema()));
        assertArrayEquals(linear.predict(rows, FheMode.EXECUTE), labels(linearSaved.client(), failing, rows.length));
        assertEquals(before + 1, INJECTED.get(), "the first attempt of partition 1 failed");
    }

    @Test
    void badRowsAreReportedInTheirErrorColumnAndTheOthersAreScored() {
        double[][] rows = Arrays.copyOfRange(CANCER.features(), 200, 206);
        byte[][] ciphertexts = linearSaved.client().encrypt(rows);
        ciphertexts[1] = Arrays.copyOf(ciphertexts[1], ciphertexts[1].length / 3);
        ciphertexts[3] = null;
        FheModelClient stranger = FheModelClient.load(dir.resolve("linear").resolve("client"))
                .generateEphemeralKeys();
        ciphertexts[4] = stranger.encrypt(rows[4]);
        List<Row> scored = sorted(FheSpark.score(SavedModel.dataset(ciphertexts, 2), linearSaved.server(),
                linearSaved.evaluationKeys()));
        assertEquals(6, scored.size());
        int[] expected = linear.predict(rows, FheMode.EXECUTE);
        for (int i : new int[] {0, 2, 5}) {
            assertNull(scored.get(i).get(2), "row " + i);
            assertEquals(expected[i], linearSaved.client().predict(new byte[][] {(byte[]) scored.get(i).get(1)})[0]);
        }
        assertTrue(scored.get(1).getString(2).startsWith("refused (MALFORMED)"), scored.get(1).getString(2));
        assertTrue(scored.get(3).getString(2).startsWith("refused (MALFORMED)"), scored.get(3).getString(2));
        assertTrue(scored.get(4).getString(2).startsWith("refused (KEY_SET)"), scored.get(4).getString(2));
        for (int i : new int[] {1, 3, 4}) {
            assertNull(scored.get(i).get(1), "row " + i + " has no result");
        }
    }

    @Test
    void aDatasetWithoutTheCiphertextColumnIsRefusedByName() {
        Dataset<Row> wrong = linearSaved.encrypted(new double[][] {CANCER.features()[0]}, 1)
                .withColumnRenamed(FheSpark.CIPHERTEXT, "bytes");
        EncryptedDatasetException refused = assertThrows(EncryptedDatasetException.class,
                () -> FheSpark.score(wrong, linearSaved.server(), linearSaved.evaluationKeys()));
        assertTrue(refused.getMessage().contains("no column ciphertext"), refused.getMessage());
        Dataset<Row> text = wrong.withColumn(FheSpark.CIPHERTEXT, wrong.col(FheSpark.ID).cast("string"));
        assertThrows(EncryptedDatasetException.class,
                () -> FheSpark.score(text, linearSaved.server(), linearSaved.evaluationKeys()));
    }

    /** Passes rows through, except that the first attempt of partition 1 fails at its second row. */
    private static final class FailOnce implements MapPartitionsFunction<Row, Row> {

        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Row> call(Iterator<Row> partition) {
            TaskContext task = TaskContext.get();
            return new Iterator<>() {
                private int seen;

                @Override
                public boolean hasNext() {
                    return partition.hasNext();
                }

                @Override
                public Row next() {
                    if (++seen == 2 && task.partitionId() == 1 && task.attemptNumber() == 0) {
                        INJECTED.incrementAndGet();
                        throw new IllegalStateException("injected failure of partition 1, attempt 0");
                    }
                    return partition.next();
                }
            };
        }
    }

    /** The decrypted labels of a scored Dataset, by id, after checking that each id 0..n-1 comes back once. */
    private static int[] labels(FheModelClient client, Dataset<Row> scored, int n) {
        List<Prediction> predictions = EncryptedFiles.decrypt(client, scored).stream()
                .sorted(Comparator.comparingLong(p -> (Long) p.id())).toList();
        assertEquals(n, predictions.size());
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            Prediction p = predictions.get(i);
            assertEquals((long) i, p.id());
            assertTrue(p.ok(), p.toString());
            out[i] = (int) p.values()[0];
        }
        return out;
    }

    private static List<Row> sorted(Dataset<Row> scored) {
        return scored.collectAsList().stream().sorted(Comparator.comparingLong(r -> r.getLong(0))).toList();
    }
}

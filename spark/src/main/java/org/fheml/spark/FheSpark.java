package org.fheml.spark;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fheml.compilation.ServerBundle;

/**
 * Encrypted batch inference on Apache Spark: the server's side of a deployed model, run over a Dataset of
 * ciphertexts. Spark never sees a secret key or a clear value; it moves bytes that only the data owner can read.
 *
 * <p>The input has one row per encrypted sample: an {@value #ID} column (any type, passed through) and a binary
 * {@value #CIPHERTEXT} column holding the client's encrypted arguments. The result has one row per input row: the
 * {@value #ID}, a binary {@value #RESULT} column with the encrypted results (null when the row was refused) and a
 * string {@value #ERROR} column (null when the row was scored) that says why a row was refused.
 *
 * <p>The evaluation keys travel once to each executor as a broadcast of their seeded bytes; each executor JVM
 * decompresses them once, on its first task, and keeps the ready circuit for all later tasks and jobs. A task reads
 * its partition in batches and evaluates each batch in lockstep: every layer's bootstraps of the whole batch run at
 * once over the executor's threads. A failed task is run again by Spark ({@code spark.task.maxFailures}, 4 on a
 * cluster; locally use a master such as {@code local[2,4]}); a bad row only fills its error column.
 */
public final class FheSpark {

    /** The row id column, in the input and the result. */
    public static final String ID = "id";
    /** The input's binary column: one row's encrypted arguments. */
    public static final String CIPHERTEXT = "ciphertext";
    /** The result's binary column: one row's encrypted results. */
    public static final String RESULT = "result";
    /** The result's string column: why a row was refused, or null. */
    public static final String ERROR = "error";

    private FheSpark() {
    }

    /** {@link #score(Dataset, ServerBundle, byte[], ScoreOptions)} with {@link ScoreOptions#DEFAULT}. */
    public static Dataset<Row> score(Dataset<Row> encrypted, ServerBundle model, byte[] evaluationKeys) {
        return score(encrypted, model, evaluationKeys, ScoreOptions.DEFAULT);
    }

    /**
     * Scores every row of {@code encrypted} with {@code model} under one client's evaluation keys. Lazy, like every
     * Dataset transformation: the work runs when the result is written or collected.
     *
     * @param encrypted      rows ({@value #ID}, {@value #CIPHERTEXT}); other columns are ignored
     * @param model          the model's server bundle
     * @param evaluationKeys the client's seeded evaluation keys, as its key generation gave them
     * @throws EncryptedDatasetException when a column is missing or {@value #CIPHERTEXT} is not binary
     */
    public static Dataset<Row> score(Dataset<Row> encrypted, ServerBundle model, byte[] evaluationKeys,
            ScoreOptions options) {
        StructType schema = encrypted.schema();
        StructField id = field(schema, ID);
        StructField ciphertext = field(schema, CIPHERTEXT);
        if (!ciphertext.dataType().equals(DataTypes.BinaryType)) {
            throw new EncryptedDatasetException("Column " + CIPHERTEXT + " must be binary (the client's encrypted "
                    + "bytes), but it is " + ciphertext.dataType().simpleString() + ".");
        }
        if (evaluationKeys == null || evaluationKeys.length == 0) {
            throw new IllegalArgumentException("No evaluation keys: pass the client's seeded evaluation keys.");
        }
        SparkContext context = encrypted.sparkSession().sparkContext();
        String cacheKey = model.specificationDigest() + ":" + sha256(evaluationKeys);
        Broadcast<ModelAndKeys> shipped = JavaSparkContext.fromSparkContext(context)
                .broadcast(new ModelAndKeys(model.toBytes(), evaluationKeys, cacheKey));
        int threads = options.threads() > 0 ? options.threads() : executorCores(context);
        StructType result = new StructType(new StructField[] {
                new StructField(ID, id.dataType(), id.nullable(), id.metadata()),
                DataTypes.createStructField(RESULT, DataTypes.BinaryType, true),
                DataTypes.createStructField(ERROR, DataTypes.StringType, true)});
        return encrypted.select(ID, CIPHERTEXT).mapPartitions(
                new ScorePartition(shipped, options.batchRows(), threads), Encoders.row(result));
    }

    /** The task slots of one executor: {@code spark.executor.cores}, or N for a {@code local[N]} master. */
    static int executorCores(SparkContext context) {
        if (context.conf().contains("spark.executor.cores")) {
            return Math.max(1, context.conf().getInt("spark.executor.cores", 1));
        }
        String master = context.master();
        if (master.startsWith("local")) {
            return Math.max(1, localThreads(master));
        }
        return 1;
    }

    /** N of local, local[N], local[N,F], local[*] (the machine's cores). */
    static int localThreads(String master) {
        int open = master.indexOf('[');
        if (open < 0) {
            return 1;
        }
        String n = master.substring(open + 1, master.indexOf(']')).split(",")[0].trim();
        return n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
    }

    private static StructField field(StructType schema, String name) {
        for (StructField f : schema.fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new EncryptedDatasetException("The encrypted Dataset has no column " + name + "; it needs " + ID
                + " and " + CIPHERTEXT + " (binary), and has " + Arrays.toString(schema.fieldNames()) + ".");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256.", e);
        }
    }
}

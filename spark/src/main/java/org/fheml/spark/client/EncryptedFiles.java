package org.fheml.spark.client;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fheml.models.deploy.FheModelClient;
import org.fheml.spark.FheSpark;

/**
 * The data owner's side of Spark scoring: it turns a table of features into a Parquet file of ciphertext rows
 * ({@value FheSpark#ID}, {@value FheSpark#CIPHERTEXT}) for {@link FheSpark#score}, and the scored file back into
 * predictions. It runs where the secret key is, on the data owner's machine: rows are encrypted and decrypted in
 * this JVM, {@value #CHUNK_ROWS} at a time, and Spark only reads the features and writes the ciphertexts.
 */
public final class EncryptedFiles {

    /** Rows encrypted, or decrypted, together before a chunk is written. */
    public static final int CHUNK_ROWS = 256;

    private EncryptedFiles() {
    }

    /**
     * Encrypts every row of {@code table} into {@code output} (a Parquet folder that must not exist yet).
     *
     * @param idColumn the column that names a row (kept in clear, any type), or null for the row's position (0, 1, …)
     * @param ignored  columns that are not features (a label, say)
     * @return the number of rows written
     * @throws IllegalArgumentException naming the column or row when the features are not the model's: a
     *                                  non-numeric column, another feature count, a missing value
     */
    public static long encrypt(FheModelClient client, Dataset<Row> table, String idColumn, Set<String> ignored,
            Path output) {
        StructType schema = table.schema();
        List<String> features = new ArrayList<>();
        for (StructField field : schema.fields()) {
            if (field.name().equals(idColumn) || ignored.contains(field.name())) {
                continue;
            }
            if (!(field.dataType() instanceof NumericType)) {
                throw new IllegalArgumentException("Column " + field.name() + " is " + field.dataType().simpleString()
                        + ", not a number: name it as the id column or among the ignored ones.");
            }
            features.add(field.name());
        }
        if (features.size() != client.featureCount()) {
            throw new IllegalArgumentException("The table has " + features.size() + " feature columns " + features
                    + ", but the model " + client.modelName() + " takes " + client.featureCount() + ".");
        }
        if (idColumn != null && !List.of(schema.fieldNames()).contains(idColumn)) {
            throw new IllegalArgumentException("The table has no id column " + idColumn + ".");
        }
        DataType idType = idColumn == null ? DataTypes.LongType : schema.apply(idColumn).dataType();
        StructType encrypted = new StructType(new StructField[] {
                DataTypes.createStructField(FheSpark.ID, idType, idColumn != null),
                DataTypes.createStructField(FheSpark.CIPHERTEXT, DataTypes.BinaryType, false)});
        List<org.apache.spark.sql.Column> columns = new ArrayList<>();
        if (idColumn != null) {
            columns.add(table.col(idColumn));
        }
        features.forEach(f -> columns.add(table.col(f).cast(DataTypes.DoubleType)));
        Iterator<Row> rows = table.select(columns.toArray(org.apache.spark.sql.Column[]::new)).toLocalIterator();
        int offset = idColumn == null ? 0 : 1;
        long written = 0;
        SparkSession spark = table.sparkSession();
        while (rows.hasNext()) {
            List<Object> ids = new ArrayList<>();
            List<double[]> x = new ArrayList<>();
            while (x.size() < CHUNK_ROWS && rows.hasNext()) {
                Row row = rows.next();
                Object id = idColumn == null ? written + x.size() : row.get(0);
                double[] values = new double[features.size()];
                for (int f = 0; f < values.length; f++) {
                    if (row.isNullAt(f + offset)) {
                        throw new IllegalArgumentException("Row " + id + " has no value in column "
                                + features.get(f) + ": fill or drop it before encrypting.");
                    }
                    values[f] = row.getDouble(f + offset);
                }
                ids.add(id);
                x.add(values);
            }
            byte[][] ciphertexts = client.encrypt(x.toArray(double[][]::new));
            List<Row> chunk = new ArrayList<>(ciphertexts.length);
            for (int i = 0; i < ciphertexts.length; i++) {
                chunk.add(RowFactory.create(ids.get(i), ciphertexts[i]));
            }
            spark.createDataFrame(chunk, encrypted).coalesce(1).write()
                    .mode(written == 0 ? SaveMode.ErrorIfExists : SaveMode.Append).parquet(output.toString());
            written += chunk.size();
        }
        return written;
    }

    /**
     * Decrypts a scored Dataset ({@value FheSpark#ID}, {@value FheSpark#RESULT}, {@value FheSpark#ERROR}) into
     * predictions, in its order: a classifier's label, a regressor's value, or a raw model's outputs. A row the
     * server refused keeps its error; a result that does not decrypt under this client's keys gets one.
     */
    public static List<Prediction> decrypt(FheModelClient client, Dataset<Row> results) {
        List<Prediction> out = new ArrayList<>();
        Iterator<Row> rows = results.select(FheSpark.ID, FheSpark.RESULT, FheSpark.ERROR).toLocalIterator();
        while (rows.hasNext()) {
            Row row = rows.next();
            Object id = row.get(0);
            if (!row.isNullAt(2) || row.isNullAt(1)) {
                out.add(new Prediction(id, null, row.isNullAt(2) ? "no result" : row.getString(2)));
                continue;
            }
            byte[][] result = {(byte[]) row.get(1)};
            try {
                out.add(new Prediction(id, values(client, result), null));
            } catch (RuntimeException e) {
                out.add(new Prediction(id, null, "does not decrypt: " + e.getMessage()));
            }
        }
        return out;
    }

    private static double[] values(FheModelClient client, byte[][] result) {
        if (client.isClassifier()) {
            return new double[] {client.predict(result)[0]};
        }
        try {
            return new double[] {client.predictValues(result)[0]};
        } catch (UnsupportedOperationException notARegressor) {
            return client.outputs(result)[0];
        }
    }

    /** Writes predictions as CSV: {@code id,prediction,error} (a raw model's outputs joined by ';'). */
    public static void writeCsv(List<Prediction> predictions, Path csv) throws IOException {
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("id,prediction,error\n");
            for (Prediction p : predictions) {
                out.write(String.valueOf(p.id()));
                out.write(',');
                if (p.ok()) {
                    StringBuilder values = new StringBuilder();
                    for (double v : p.values()) {
                        values.append(values.isEmpty() ? "" : ";").append(v == Math.rint(v) && Math.abs(v) < 1e15
                                ? Long.toString((long) v) : Double.toString(v));
                    }
                    out.write(values.toString());
                    out.write(",\n");
                } else {
                    out.write(",\"" + p.error().replace("\"", "\"\"") + "\"\n");
                }
            }
        }
    }
}

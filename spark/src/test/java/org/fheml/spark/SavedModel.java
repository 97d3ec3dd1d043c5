package org.fheml.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fheml.compilation.ServerBundle;
import org.fheml.models.FheEstimator;
import org.fheml.models.deploy.FheModelClient;

/** A fitted, compiled model saved as its two bundles and loaded again: its client (with fresh keys) and server. */
record SavedModel(FheModelClient client, ServerBundle server) {

    static final StructType ENCRYPTED = new StructType(new StructField[] {
            DataTypes.createStructField(FheSpark.ID, DataTypes.LongType, false),
            DataTypes.createStructField(FheSpark.CIPHERTEXT, DataTypes.BinaryType, true)});

    static SavedModel of(FheEstimator model, Path dir) {
        model.save(dir);
        return new SavedModel(FheModelClient.load(dir.resolve("client")).generateEphemeralKeys(),
                ServerBundle.load(dir.resolve("server")));
    }

    /** Rows (id i, the client's encryption of rows[i]) in {@code partitions} partitions. */
    Dataset<Row> encrypted(double[][] rows, int partitions) {
        return dataset(client.encrypt(rows), partitions);
    }

    static Dataset<Row> dataset(byte[][] ciphertexts, int partitions) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < ciphertexts.length; i++) {
            out.add(RowFactory.create((long) i, ciphertexts[i]));
        }
        return LocalSpark.session().createDataFrame(out, ENCRYPTED).repartition(partitions);
    }

    byte[] evaluationKeys() {
        return client.evaluationKeys();
    }
}

package org.fheml.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Spark runs on this JDK with two local executor threads. */
class SparkRuntimeTest {

    @Test
    void aLocalSessionRunsAJobOnTwoThreads() throws Exception {
        try (SparkSession spark = SparkSession.builder().master("local[2]").appName("fheml-smoke")
                .config("spark.ui.enabled", "false").getOrCreate()) {
            Dataset<Row> rows = spark.range(0, 1000, 1, 4).toDF("id");
            assertEquals(499500L, rows.groupBy().sum("id").collectAsList().getFirst().getLong(0));
            assertEquals(4, rows.javaRDD().getNumPartitions());
            assertEquals(List.of(0L, 1L), rows.limit(2).collectAsList().stream().map(r -> r.getLong(0)).toList());
        }
    }
}

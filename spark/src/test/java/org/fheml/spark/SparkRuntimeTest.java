package org.fheml.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Spark runs on this JDK with two local executor threads, and fheml reads its master the way Spark does. */
class SparkRuntimeTest {

    @Test
    void aLocalSessionRunsAJobOnTwoThreads() {
        Dataset<Row> rows = LocalSpark.session().range(0, 1000, 1, 4).toDF("id");
        assertEquals(499500L, rows.groupBy().sum("id").collectAsList().getFirst().getLong(0));
        assertEquals(4, rows.javaRDD().getNumPartitions());
        assertEquals(List.of(0L, 1L), rows.limit(2).collectAsList().stream().map(r -> r.getLong(0)).toList());
        assertEquals(2, FheSpark.executorCores(LocalSpark.session().sparkContext()));
    }

    @Test
    void localMastersGiveTheirThreadCount() {
        assertEquals(1, FheSpark.localThreads("local"));
        assertEquals(3, FheSpark.localThreads("local[3]"));
        assertEquals(2, FheSpark.localThreads("local[2,4]"));
        assertEquals(Runtime.getRuntime().availableProcessors(), FheSpark.localThreads("local[*]"));
    }
}

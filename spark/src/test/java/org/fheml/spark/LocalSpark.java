package org.fheml.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of the module's tests: two executor threads, and up to 3 attempts a task (a local master
 * runs each task once unless told, a cluster up to {@code spark.task.maxFailures} = 4 times). Started on first use,
 * stopped with the test JVM.
 */
final class LocalSpark {

    static final String MASTER = "local[2,3]";

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master(MASTER).appName("fheml-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
        }
        return session;
    }
}

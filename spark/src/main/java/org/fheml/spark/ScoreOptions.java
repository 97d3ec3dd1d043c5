package org.fheml.spark;

import java.io.Serializable;

/**
 * How {@link FheSpark#score} runs a partition.
 *
 * @param batchRows the rows a task evaluates together in one lockstep batch: each layer's bootstraps of all these
 *                  rows run at once over the executor's threads. Larger batches keep the threads busier and hold
 *                  more ciphertexts in memory (a tree model on 30 features: a few MiB a row).
 * @param threads   bootstrap threads of the circuit each executor JVM shares among its running tasks; 0 picks the
 *                  executor's cores ({@code spark.executor.cores}, or N for a {@code local[N]} master)
 */
public record ScoreOptions(int batchRows, int threads) implements Serializable {

    /** 16 rows a batch, threads from the executor's cores. */
    public static final ScoreOptions DEFAULT = new ScoreOptions(16, 0);

    public ScoreOptions {
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be at least 1, got " + batchRows + ".");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (the executor's cores) or more, got " + threads
                    + ".");
        }
    }

    /** These options with another batch size. */
    public ScoreOptions withBatchRows(int rows) {
        return new ScoreOptions(rows, threads);
    }

    /** These options with a fixed number of bootstrap threads per executor. */
    public ScoreOptions withThreads(int count) {
        return new ScoreOptions(batchRows, count);
    }
}

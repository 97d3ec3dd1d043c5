package org.fheml.tfhe.measure;

/**
 * Bootstrap timings of one parameter set, in milliseconds: medians of single-thread runs, and the throughput of a
 * batch spread over {@code threads} threads.
 */
public record LatencyResult(int iterations, double keygenMillis, double ksPbsMedianMillis, double pbsMedianMillis,
        double keyswitchMedianMillis, int threads, double batchMillisPerBootstrap, boolean allCorrect) {
}

package org.fheml.tfhe.measure;

/**
 * Bootstrap timings of one parameter set, in milliseconds: medians, minimum and maximum of single-thread runs,
 * the throughput of a batch spread over {@code threads} threads, and how many outputs decrypted wrongly.
 */
public record LatencyResult(int iterations, double keygenMillis, double ksPbsMedianMillis, double pbsMedianMillis,
        double pbsMinMillis, double pbsMaxMillis, double keyswitchMedianMillis, int threads,
        double batchMillisPerBootstrap, long errors) {

    public boolean allCorrect() {
        return errors == 0;
    }

    /** Bootstraps (with their keyswitch) per second of the batch. */
    public double throughputPerSecond() {
        return 1000 / batchMillisPerBootstrap;
    }
}

package org.fheml.cli;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.EncryptedValues;
import org.fheml.core.FheMode;
import org.fheml.models.FheEstimator;

/**
 * The latency of one row at a time through EXECUTE, end to end and phase by phase, on one compiled model: each timed
 * row runs once through {@code predict} (what a user calls) and once step by step (quantize, encrypt, run on
 * ciphertexts, decrypt, dequantize), whose decryptions must equal the circuit simulated in the clear.
 */
final class RowLatency {

    /** The phases of one row, in the order they run. */
    enum Phase {
        QUANTIZE("quantize"), ENCRYPT("encrypt"), RUN("run"), DECRYPT("decrypt"), DEQUANTIZE("dequantize");

        final String label;

        Phase(String label) {
            this.label = label;
        }
    }

    /**
     * Median milliseconds per row: {@code predict} wall time, the CPU time of all threads over it (so CPU / wall is
     * the cores kept busy), each phase's wall time and its CPU time (the calling thread's for the client's phases,
     * all threads' for the run on ciphertexts): on a loaded machine, CPU times are what stays comparable. {@code notSimulated} counts rows whose
     * decryption differed from the circuit simulated in the clear without bootstrap errors (which encrypted execution
     * must equal, bit for bit, unless a bootstrap failed), {@code notDisable} rows whose prediction differed from
     * DISABLE's (approximate rounding may do that).
     */
    record Result(int rows, double predictMs, double predictMinMs, double predictMaxMs, double predictCpuMs,
            Map<Phase, Double> phaseMs, Map<Phase, Double> phaseCpuMs, int notSimulated, int notDisable) {

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("rows", rows);
            map.put("medianMsPerRow", predictMs);
            map.put("minMsPerRow", predictMinMs);
            map.put("maxMsPerRow", predictMaxMs);
            map.put("medianCpuMsPerRow", predictCpuMs);
            if (!phaseMs.isEmpty()) {
                Map<String, Object> phases = new LinkedHashMap<>();
                phaseMs.forEach((phase, ms) -> phases.put(phase.label, ms));
                map.put("phaseMedianMs", phases);
                Map<String, Object> cpu = new LinkedHashMap<>();
                phaseCpuMs.forEach((phase, ms) -> cpu.put(phase.label, ms));
                map.put("phaseMedianCpuMs", cpu);
            }
            map.put("rowsNotEqualToSimulate", notSimulated);
            map.put("rowsNotEqualToDisable", notDisable);
            return map;
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private RowLatency() {
    }

    /**
     * Runs {@code warmup} rows untimed (each both ways), then times {@code timed} rows, one at a time.
     *
     * @param rows    the rows, warm-up rows first; reused cyclically when there are fewer
     * @param byPhase whether each row also runs phase by phase (else the phase medians are left out)
     */
    static Result measure(BenchModel bench, FheEstimator estimator, double[][] rows, int warmup, int timed,
            boolean byPhase) {
        Circuit circuit = estimator.fheCircuit();
        for (int i = 0; i < warmup; i++) {
            double[][] row = {rows[i % rows.length]};
            bench.predict(row, FheMode.EXECUTE);
            if (byPhase) {
                stepByStep(estimator, circuit, row, new long[Phase.values().length], new long[Phase.values().length]);
            }
        }
        double[] wall = new double[timed];
        double[] cpu = new double[timed];
        double[][] phases = new double[Phase.values().length][timed];
        double[][] phasesCpu = new double[Phase.values().length][timed];
        int notSimulated = 0;
        int notDisable = 0;
        long[] phaseNanos = new long[Phase.values().length];
        long[] phaseCpuNanos = new long[Phase.values().length];
        for (int i = 0; i < timed; i++) {
            double[][] row = {rows[(warmup + i) % rows.length]};
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            Predictions executed = bench.predict(row, FheMode.EXECUTE);
            long t1 = System.nanoTime();
            long cpu1 = cpuNanos();
            wall[i] = (t1 - t0) / 1e6;
            cpu[i] = (cpu1 - cpu0) / 1e6;
            if (executed.agreement(bench.predict(row, FheMode.DISABLE)) < 1) {
                notDisable++;
            }
            if (byPhase && !stepByStep(estimator, circuit, row, phaseNanos, phaseCpuNanos)) {
                notSimulated++;
            }
            for (Phase phase : Phase.values()) {
                phases[phase.ordinal()][i] = phaseNanos[phase.ordinal()] / 1e6;
                phasesCpu[phase.ordinal()][i] = phaseCpuNanos[phase.ordinal()] / 1e6;
            }
        }
        Map<Phase, Double> phaseMs = new LinkedHashMap<>();
        Map<Phase, Double> phaseCpuMs = new LinkedHashMap<>();
        for (Phase phase : byPhase ? Phase.values() : new Phase[0]) {
            phaseMs.put(phase, median(phases[phase.ordinal()]));
            phaseCpuMs.put(phase, median(phasesCpu[phase.ordinal()]));
        }
        return new Result(timed, median(wall), Arrays.stream(wall).min().orElse(0), Arrays.stream(wall).max().orElse(0),
                median(cpu), phaseMs, phaseCpuMs, notSimulated, notDisable);
    }

    /** One row phase by phase; whether its decryption equals the circuit simulated without bootstrap errors. */
    private static boolean stepByStep(FheEstimator estimator, Circuit circuit, double[][] row, long[] nanos,
            long[] cpuNanos) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long[] argument = estimator.quantizeInput(row)[0];
        long t1 = System.nanoTime();
        long c1 = THREADS.getCurrentThreadCpuTime();
        EncryptedValues encrypted = circuit.encrypt(argument);
        long t2 = System.nanoTime();
        long c2 = THREADS.getCurrentThreadCpuTime();
        long all0 = cpuNanos();
        EncryptedValues results = circuit.run(encrypted);
        long all1 = cpuNanos();
        long t3 = System.nanoTime();
        long c3 = THREADS.getCurrentThreadCpuTime();
        long[] decrypted = circuit.decrypt(results);
        long t4 = System.nanoTime();
        long c4 = THREADS.getCurrentThreadCpuTime();
        estimator.dequantizeOutput(new long[][] {decrypted});
        long t5 = System.nanoTime();
        long c5 = THREADS.getCurrentThreadCpuTime();
        cpuNanos[Phase.QUANTIZE.ordinal()] = c1 - c0;
        cpuNanos[Phase.ENCRYPT.ordinal()] = c2 - c1;
        cpuNanos[Phase.RUN.ordinal()] = all1 - all0;
        cpuNanos[Phase.DECRYPT.ordinal()] = c4 - c3;
        cpuNanos[Phase.DEQUANTIZE.ordinal()] = c5 - c4;
        nanos[Phase.QUANTIZE.ordinal()] = t1 - t0;
        nanos[Phase.ENCRYPT.ordinal()] = t2 - t1;
        nanos[Phase.RUN.ordinal()] = t3 - t2;
        nanos[Phase.DECRYPT.ordinal()] = t4 - t3;
        nanos[Phase.DEQUANTIZE.ordinal()] = t5 - t4;
        return Arrays.equals(decrypted, circuit.simulate(argument));
    }

    /**
     * The CPU time of every live Java thread, in nanoseconds: precise (the process's CPU clock ticks in 10 ms here),
     * and the bootstrap threads live across rows.
     */
    private static long cpuNanos() {
        long sum = 0;
        for (long cpu : THREADS.getThreadCpuTime(THREADS.getAllThreadIds())) {
            sum += Math.max(0, cpu);
        }
        return sum;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

package org.fheml.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.models.linear.LogisticRegression;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded load test over loopback: C concurrent clients, each with its own keys, send R requests of 10 encrypted
 * rows to a served logistic regression (iris by default; breast cancer with more clients than key sets held, in
 * the slow one). Every result must equal {@code predict(X, EXECUTE)},
 * and no request may get a 5xx. The figures (p50/p99 latency, requests/s, rows/s, heap) are printed, not asserted:
 * timings depend on the machine.
 */
class LoadTest {

    private static final int ROWS_PER_REQUEST = 10;

    @TempDir
    Path dir;

    @Test
    void eightClientsTimesTwentyFiveRequestsOfTenRows() throws Exception {
        Report report = load(Datasets.iris(), 6, 8, 25, 8);
        assertEquals(0, report.wrongRows(), report.toString());
        assertEquals(8 * 25, report.requests());
    }

    @Test
    @Tag("slow")
    void sixteenClientsTimesAHundredRequestsWithKeySetChurn() throws Exception {
        Report report = load(Datasets.breastCancer(), 8, 16, 100, 4);
        assertEquals(0, report.wrongRows(), report.toString());
        assertEquals(16 * 100, report.requests());
    }

    record Report(String dataset, int nBits, int clients, int requests, int wrongRows, double p50Ms, double p99Ms, double seconds,
            long heapPeakBytes, long keyLoads) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "LogisticRegression on %s, n_bits %d: %d clients, %d requests of %d rows: p50 %.1f ms, p99 %.1f ms, %.1f "
                    + "requests/s, %.0f rows/s, %d wrong rows, heap peak %.0f MiB (server and clients), %d key-set "
                    + "loads, %d processors, load average %.2f", dataset, nBits, clients, requests, ROWS_PER_REQUEST, p50Ms, p99Ms,
                    requests / seconds, requests * ROWS_PER_REQUEST / seconds, wrongRows, heapPeakBytes / 1048576.0,
                    keyLoads, Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private Report load(ClassificationDataset data, int nBits, int clients, int requestsPerClient,
            int keySetsInMemory) throws Exception {
        LogisticRegression model = new LogisticRegression().setNBits(nBits).fit(data.features(), data.labels());
        model.compile(data.features());
        double[][] pool = Arrays.copyOfRange(data.features(), 0, 100);
        int[] expected = model.predict(pool, FheMode.EXECUTE);
        model.save(dir.resolve("model"));
        ServerLimits limits = ServerLimits.defaults().withKeySetsInMemory(keySetsInMemory);
        try (FheServer server = FheServer.start(BundleModel.load(dir.resolve("model")), dir.resolve("keys"), limits,
                1, "127.0.0.1", 0)) {
            List<FheHttpClient> users = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                FheHttpClient client = FheHttpClient.connect(server.uri()).generateEphemeralKeys();
                client.uploadKeys();
                users.add(client);
            }
            resetPeaks();
            ExecutorService pool2 = Executors.newFixedThreadPool(clients);
            CyclicBarrier start = new CyclicBarrier(clients + 1);
            List<Future<long[]>> futures = new ArrayList<>();
            int[] wrong = new int[clients];
            for (int c = 0; c < clients; c++) {
                int me = c;
                futures.add(pool2.submit(() -> {
                    FheHttpClient client = users.get(me);
                    SplittableRandom random = new SplittableRandom(me);
                    long[] latencies = new long[requestsPerClient];
                    start.await();
                    for (int r = 0; r < requestsPerClient; r++) {
                        int[] rows = random.ints(ROWS_PER_REQUEST, 0, pool.length).toArray();
                        double[][] X = Arrays.stream(rows).mapToObj(i -> pool[i]).toArray(double[][]::new);
                        byte[][] encrypted = client.modelClient().encrypt(X);
                        long t0 = System.nanoTime();
                        byte[][] results = client.run(encrypted);
                        latencies[r] = System.nanoTime() - t0;
                        int[] labels = client.modelClient().predict(results);
                        for (int i = 0; i < rows.length; i++) {
                            wrong[me] += labels[i] == expected[rows[i]] ? 0 : 1;
                        }
                    }
                    return latencies;
                }));
            }
            start.await();
            long t0 = System.nanoTime();
            List<Long> all = new ArrayList<>();
            for (Future<long[]> future : futures) {
                for (long l : future.get()) {
                    all.add(l);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool2.shutdown();
            all.sort(null);
            String metrics = Http.text(Http.get(server.uri(), "/metrics"));
            assertFalse(metrics.matches("(?s).*fheml_requests_total\\{[^}]*status=\"5\\d\\d\"\\} [1-9].*"),
                    "no request got a 5xx:\n" + metrics);
            long loads = (long) Double.parseDouble(metrics.lines().filter(l -> l.startsWith("fheml_keys_loads_total"))
                    .findFirst().orElseThrow().split(" ")[1]);
            Report report = new Report(data.name(), nBits, clients, all.size(), Arrays.stream(wrong).sum(), percentile(all, 0.50),
                    percentile(all, 0.99), seconds, heapPeak(), loads);
            System.out.println("LOAD " + report);
            return report;
        }
    }

    private static double percentile(List<Long> sorted, double q) {
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long heapPeak() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                total += pool.getPeakUsage().getUsed();
            }
        }
        return total;
    }
}

package org.fheml.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's meters, exposed in Prometheus text at GET /metrics: requests by route and status, request latency by
 * route (with p50 and p99), rows and bootstraps run, key sets on disk and held in memory, key-set loads, and
 * evaluations running.
 */
final class ServerMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter rows;
    private final Counter bootstraps;
    private final AtomicInteger running = new AtomicInteger();

    ServerMetrics(KeyStore store, KeyCache cache) {
        rows = Counter.builder("fheml.rows").description("Encrypted rows run").register(registry);
        bootstraps = Counter.builder("fheml.bootstraps").description("Programmable bootstraps run")
                .register(registry);
        Gauge.builder("fheml.keys.held", cache, KeyCache::size).description("Key sets loaded in memory")
                .register(registry);
        Gauge.builder("fheml.keys.stored", store, KeyStore::count).description("Key sets in the key store")
                .register(registry);
        Gauge.builder("fheml.keys.stored.bytes", store, KeyStore::bytesUsed).description("Bytes of key sets on disk")
                .register(registry);
        FunctionCounter.builder("fheml.keys.loads", cache, KeyCache::loads)
                .description("Key sets loaded from the key store").register(registry);
        Gauge.builder("fheml.evaluations.running", running, AtomicInteger::get)
                .description("Prediction requests being evaluated").register(registry);
    }

    void request(String route, int status, Duration latency) {
        Counter.builder("fheml.requests").description("HTTP requests by route and status")
                .tag("route", route).tag("status", Integer.toString(status)).register(registry).increment();
        Timer.builder("fheml.request").description("HTTP request latency by route").tag("route", route)
                .publishPercentiles(0.5, 0.99).register(registry).record(latency);
    }

    void rowsRun(int count, long bootstrapsPerRow) {
        rows.increment(count);
        bootstraps.increment((double) count * bootstrapsPerRow);
    }

    /** Counts an evaluation as running until the returned handle is run. */
    Runnable evaluationStarted() {
        running.incrementAndGet();
        return running::decrementAndGet;
    }

    String scrape() {
        return registry.scrape();
    }

}

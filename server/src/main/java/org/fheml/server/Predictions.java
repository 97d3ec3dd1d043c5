package org.fheml.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.fheml.compilation.InvalidRequestException;
import org.fheml.compilation.KeySetMismatchException;
import org.fheml.compilation.ServerCircuit;
import org.fheml.tfhe.serialization.ArtifactException;

/**
 * POST /v1/predict?key=ID: runs a batch of encrypted rows with the client's key set. The body is read (within the
 * size limit) before an evaluation slot is taken, so that a slow client holds no slot; a request waits for a slot
 * at most the queue wait, then gets 503 with Retry-After. Rows run one after the other, each on the key set's bootstrap
 * threads; a request past its time limit stops before its next row.
 */
final class Predictions {

    private final ServedModel model;
    private final KeyStore store;
    private final KeyCache cache;
    private final ServerLimits limits;
    private final ServerMetrics metrics;
    private final Semaphore evaluations;
    private final BodyBudget bodies;

    Predictions(ServedModel model, KeyStore store, KeyCache cache, ServerLimits limits, ServerMetrics metrics) {
        this.model = model;
        this.store = store;
        this.cache = cache;
        this.limits = limits;
        this.metrics = metrics;
        this.evaluations = new Semaphore(limits.maxConcurrentEvaluations());
        this.bodies = new BodyBudget(limits.maxBufferedBytes(), limits.queueWait());
    }

    void handle(ServerRequest request, ServerResponse response) {
        String key = request.query().first("key").orElse(null);
        KeyStore.requireKeyId(key);
        if (!store.contains(key)) {
            throw unknownKey(key);
        }
        try (BodyBudget.Draw budget = bodies.draw()) {
            byte[] body = Bodies.read(request, limits.maxPredictBytes(), "prediction request", limits.readTimeout(),
                    budget);
            List<byte[]> rows = RowBatch.decode(body, limits.maxRowsPerRequest());
            evaluate(key, rows, response);
        }
    }

    /**
     * Runs {@code work} (loading a client's keys, say) in an evaluation slot, waiting at most the queue wait for one.
     */
    <T> T inSlot(Supplier<T> work) {
        requireSlot();
        try {
            return work.get();
        } finally {
            evaluations.release();
        }
    }

    private void requireSlot() {
        if (!acquireSlot()) {
            throw ApiException.unavailable("busy", "All " + limits.maxConcurrentEvaluations() + " evaluation slots "
                    + "stayed taken for " + limits.queueWait().toMillis() + " ms; retry after the Retry-After delay.",
                    1);
        }
    }

    private void evaluate(String key, List<byte[]> rows, ServerResponse response) {
        requireSlot();
        Runnable done = metrics.evaluationStarted();
        List<byte[]> results;
        try (KeyCache.Lease lease = cache.acquire(key)) {
            results = run(lease.circuit(), rows);
        } finally {
            done.run();
            evaluations.release();
        }
        response.status(200);
        response.header(HeaderNames.CONTENT_TYPE, RowBatch.MEDIA_TYPE);
        response.send(RowBatch.encode(results));
    }

    private boolean acquireSlot() {
        try {
            return evaluations.tryAcquire(limits.queueWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("shutting_down", "The server is shutting down.", 5);
        }
    }

    private List<byte[]> run(ServerCircuit circuit, List<byte[]> rows) {
        long deadline = System.nanoTime() + limits.requestTimeout().toNanos();
        List<byte[]> results = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0 && System.nanoTime() - deadline > 0) {
                metrics.rowsRun(i, model.bootstrapsPerRow());
                throw ApiException.unavailable("request_too_long", "The request ran past the "
                        + limits.requestTimeout().toSeconds() + " s limit after " + i + " of " + rows.size()
                        + " rows: send fewer rows per request.", 1);
            }
            results.add(runRow(circuit, rows.get(i), i));
        }
        metrics.rowsRun(rows.size(), model.bootstrapsPerRow());
        return results;
    }

    private static byte[] runRow(ServerCircuit circuit, byte[] row, int index) {
        try {
            return circuit.run(row);
        } catch (InvalidRequestException e) {
            boolean malformed = e.problem() == InvalidRequestException.Problem.MALFORMED;
            throw new ApiException(malformed ? 400 : 422, malformed ? "bad_ciphertexts" : "wrong_input_shape",
                    "Row " + index + ": " + e.getMessage(), e);
        } catch (KeySetMismatchException e) {
            throw new ApiException(409, "key_set_mismatch", "Row " + index + ": " + e.getMessage(), e);
        } catch (ArtifactException e) {
            throw new ApiException(400, "bad_ciphertexts", "Row " + index + ": " + e.getMessage(), e);
        }
    }

    static ApiException unknownKey(String id) {
        return new ApiException(404, "unknown_key", "No key set " + id + " is stored on this server: upload your "
                + "evaluation keys with PUT /v1/keys first, and use the key id it answers.");
    }
}

package org.fheml.server;

import java.time.Duration;

/**
 * The bounds a server keeps so that no client can exhaust it: body sizes, rows per request, evaluations running at
 * once and the wait for one, the time a request may take, the silence allowed while a body arrives, key sets held
 * in memory, the bytes the key store may hold, and the grace of a shutdown.
 *
 * @param maxKeyBytes              largest evaluation-keys upload (PUT /v1/keys), in bytes
 * @param maxPredictBytes          largest prediction request body (POST /v1/predict), in bytes
 * @param maxBufferedBytes         request bodies held in memory at once, all requests together; past it, 503
 * @param maxRowsPerRequest        rows one prediction request may carry
 * @param maxConcurrentEvaluations prediction requests evaluated at once
 * @param queueWait                time a prediction waits for an evaluation slot; then it gets 503 with Retry-After
 * @param requestTimeout           time a prediction may run; rows not started by then are not run (503)
 * @param readTimeout              silence allowed while a client sends a body; a slower client gets 408, or its
 *                                 connection closed
 * @param keySetsInMemory          key sets held loaded (LRU); others are reloaded from disk when needed
 * @param keyStoreQuotaBytes       bytes the key store may hold on disk; an upload past it gets 507
 * @param shutdownGrace            time a shutdown waits for running requests to finish
 */
public record ServerLimits(long maxKeyBytes, long maxPredictBytes, long maxBufferedBytes, int maxRowsPerRequest,
        int maxConcurrentEvaluations, Duration queueWait, Duration requestTimeout, Duration readTimeout,
        int keySetsInMemory, long keyStoreQuotaBytes, Duration shutdownGrace) {

    public ServerLimits {
        requirePositive(maxKeyBytes, "maxKeyBytes");
        requirePositive(maxPredictBytes, "maxPredictBytes");
        requirePositive(maxBufferedBytes, "maxBufferedBytes");
        requirePositive(maxRowsPerRequest, "maxRowsPerRequest");
        requirePositive(maxConcurrentEvaluations, "maxConcurrentEvaluations");
        requirePositive(keySetsInMemory, "keySetsInMemory");
        requirePositive(keyStoreQuotaBytes, "keyStoreQuotaBytes");
        if (requestTimeout.isNegative() || requestTimeout.isZero() || readTimeout.isNegative()
                || readTimeout.isZero() || shutdownGrace.isNegative() || queueWait.isNegative()) {
            throw new IllegalArgumentException("Server timeouts must be positive: request " + requestTimeout
                    + ", read " + readTimeout + ", queue wait " + queueWait + ", shutdown grace " + shutdownGrace
                    + ".");
        }
    }

    /**
     * Defaults for one model on a small machine: 1 GiB key uploads (seeded keys of production parameters are tens
     * to hundreds of MB), 256 MiB prediction bodies (a tree's encrypted row can take tens of MB) and 1 GiB of
     * them in memory at once, 256 rows, as many evaluations as processors with 30 s of
     * waiting for one, 5 minutes per request, 30 s of read silence, 4 key sets in memory, 16 GiB of keys on disk,
     * 30 s of shutdown grace.
     */
    public static ServerLimits defaults() {
        return new ServerLimits(1L << 30, 256L << 20, 1L << 30, 256, Runtime.getRuntime().availableProcessors(),
                Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(30), 4, 16L << 30,
                Duration.ofSeconds(30));
    }

    public ServerLimits withMaxKeyBytes(long value) {
        return new ServerLimits(value, maxPredictBytes, maxBufferedBytes, maxRowsPerRequest, maxConcurrentEvaluations,
                queueWait, requestTimeout, readTimeout, keySetsInMemory, keyStoreQuotaBytes, shutdownGrace);
    }

    public ServerLimits withMaxPredictBytes(long value) {
        return new ServerLimits(maxKeyBytes, value, maxBufferedBytes, maxRowsPerRequest, maxConcurrentEvaluations,
                queueWait, requestTimeout, readTimeout, keySetsInMemory, keyStoreQuotaBytes, shutdownGrace);
    }

    public ServerLimits withMaxRowsPerRequest(int value) {
        return new ServerLimits(maxKeyBytes, maxPredictBytes, maxBufferedBytes, value, maxConcurrentEvaluations,
                queueWait, requestTimeout, readTimeout, keySetsInMemory, keyStoreQuotaBytes, shutdownGrace);
    }

    public ServerLimits withMaxBufferedBytes(long value) {
        return new ServerLimits(maxKeyBytes, maxPredictBytes, value, maxRowsPerRequest, maxConcurrentEvaluations,
                queueWait, requestTimeout, readTimeout, keySetsInMemory, keyStoreQuotaBytes, shutdownGrace);
    }

    public ServerLimits withMaxConcurrentEvaluations(int value) {
        return new ServerLimits(maxKeyBytes, maxPredictBytes, maxBufferedBytes, maxRowsPerRequest, value, queueWait,
                requestTimeout, readTimeout, keySetsInMemory, keyStoreQuotaBytes, shutdownGrace);
    }

    public ServerLimits withQueueWait(Duration value) {
        return new ServerLimits(maxKeyBytes, maxPredictBytes, maxBufferedBytes, maxRowsPerRequest,
                maxConcurrentEvaluations, value, requestTimeout, readTimeout, keySetsInMemory, keyStoreQuotaBytes,
                shutdownGrace);
    }

    public ServerLimits withRequestTimeout(Duration value) {
        return new ServerLimits(maxKeyBytes, maxPredictBytes, maxBufferedBytes, maxRowsPerRequest,
                maxConcurrentEvaluations, queueWait, value, readTimeout, keySetsInMemory, keyStoreQuotaBytes,
                shutdownGrace);
    }

    public ServerLimits withReadTimeout(Duration value) {
        return new ServerLimits(maxKeyBytes, maxPredictBytes, maxBufferedBytes, maxRowsPerRequest,
                maxConcurrentEvaluations, queueWait, requestTimeout, value, keySetsInMemory, keyStoreQuotaBytes,
                shutdownGrace);
    }

    public ServerLimits withKeySetsInMemory(int value) {
        return new ServerLimits(maxKeyBytes, maxPredictBytes, maxBufferedBytes, maxRowsPerRequest,
                maxConcurrentEvaluations, queueWait, requestTimeout, readTimeout, value, keyStoreQuotaBytes,
                shutdownGrace);
    }

    public ServerLimits withKeyStoreQuotaBytes(long value) {
        return new ServerLimits(maxKeyBytes, maxPredictBytes, maxBufferedBytes, maxRowsPerRequest,
                maxConcurrentEvaluations, queueWait, requestTimeout, readTimeout, keySetsInMemory, value,
                shutdownGrace);
    }

    public ServerLimits withShutdownGrace(Duration value) {
        return new ServerLimits(maxKeyBytes, maxPredictBytes, maxBufferedBytes, maxRowsPerRequest,
                maxConcurrentEvaluations, queueWait, requestTimeout, readTimeout, keySetsInMemory, keyStoreQuotaBytes,
                value);
    }

    private static void requirePositive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("Server limit " + name + " must be at least 1, got " + value + ".");
        }
    }
}

package org.fheml.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.fheml.compilation.MemoryLimitException;
import org.fheml.compilation.ServerCircuit;
import org.fheml.tfhe.serialization.ArtifactException;

/**
 * {@code fheml serve}: an HTTP server that runs one model on clients' encrypted rows. Clients fetch the model's
 * client bundle (GET /v1/model), upload their evaluation keys once (PUT /v1/keys, which answers a key id), then post
 * batches of encrypted rows (POST /v1/predict?key=ID) and get encrypted results back. GET /health, GET /metrics
 * (Prometheus text) and GET /openapi (this API in OpenAPI 3) serve operators.
 *
 * <p>Built on Helidon SE's web server, which runs every request on its own virtual thread: a request blocked on a
 * slow upload or on an evaluation holds no platform thread, bodies are read as streams, and the server has limits
 * on payload size, connections and read time. The server keeps {@link ServerLimits}; every refused request gets a
 * 4xx (or 503 with Retry-After when full, 507 when the key store is full) with a JSON body saying what to change.
 * {@link #close()} drains: it refuses new work, lets running requests finish (up to the grace period), then stops.
 */
public final class FheServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FheServer.class.getName());

    private final ServedModel model;
    private final ServerLimits limits;
    private final KeyStore store;
    private final KeyCache cache;
    private final ServerMetrics metrics;
    private final Predictions predictions;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final byte[] openApi;
    private final int threads;
    private volatile boolean draining;
    private WebServer web;

    private FheServer(ServedModel model, KeyStore store, ServerLimits limits, int threads) {
        this.model = model;
        this.limits = limits;
        this.store = store;
        this.threads = threads;
        this.cache = new KeyCache(limits.keySetsInMemory(), this::loadKeys);
        this.metrics = new ServerMetrics(store, cache);
        this.predictions = new Predictions(model, store, cache, limits, metrics);
        this.openApi = OpenApi.document();
    }

    /**
     * Starts a server for {@code model} on {@code host:port} (port 0 picks a free one), its keys in {@code keyStore}.
     *
     * @param threads bootstrap threads of each loaded key set's circuit
     */
    public static FheServer start(ServedModel model, Path keyStore, ServerLimits limits, int threads, String host,
            int port) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("A server needs at least 1 thread, got " + threads + ".");
        }
        FheServer server = new FheServer(model, new KeyStore(keyStore, limits.keyStoreQuotaBytes()), limits,
                threads);
        server.startWeb(host, port);
        return server;
    }

    /** For tests: a server on a key store that writes through {@code store}'s opener. */
    static FheServer start(ServedModel model, KeyStore store, ServerLimits limits, int threads) {
        FheServer server = new FheServer(model, store, limits, threads);
        server.startWeb("127.0.0.1", 0);
        return server;
    }

    private void startWeb(String host, int port) {
        // body sizes are bounded per route by Bodies and KeyStore, which answer a JSON 413
        web = WebServer.builder()
                .host(host)
                .port(port)
                .shutdownGracePeriod(limits.shutdownGrace())
                .shutdownHook(false)
                .routing(this::routes)
                .build()
                .start();
    }

    private void routes(HttpRouting.Builder routing) {
        routing.get("/v1/model", handler("model", this::model))
                .put("/v1/keys", handler("keys", this::putKeys))
                .post("/v1/predict", handler("predict", predictions::handle))
                .get("/health", handler("health", this::health))
                .get("/metrics", handler("metrics", this::metrics))
                .get("/openapi", handler("openapi", this::openApi))
                .any(handler("unknown", (request, response) -> {
                    throw new ApiException(404, "not_found", "No route " + request.prologue().method().text() + " "
                            + request.path().path() + ": see GET /openapi for this server's routes.");
                }))
                .error(Throwable.class, (request, response, e) -> ErrorResponses.send(response, internal(e)));
    }

    /** The port the server listens on. */
    public int port() {
        return web.port();
    }

    /** The server's base address on loopback, for clients on this machine. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Key sets held loaded now (at most {@link ServerLimits#keySetsInMemory()}). */
    public int keySetsHeld() {
        return cache.size();
    }

    /** The key store's folder. */
    public Path keyStore() {
        return store.directory();
    }

    // ---- routes --------------------------------------------------------------------------------------------------

    private void model(ServerRequest request, ServerResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("digest", model.digest());
        body.put("bootstrapsPerRow", model.bootstrapsPerRow());
        body.put("maxRowsPerRequest", limits.maxRowsPerRequest());
        body.put("maxRequestBytes", limits.maxPredictBytes());
        body.put("clientBundle", Base64.getEncoder().encodeToString(model.clientBundle()));
        sendJson(response, 200, body);
    }

    private void putKeys(ServerRequest request, ServerResponse response) {
        Bodies.requireDeclaredLength(request, limits.maxKeyBytes(), "evaluation keys upload");
        KeyStore.Stored<ServerCircuit> stored;
        try (SlowClientGuard guard = SlowClientGuard.start(limits.readTimeout())) {
            InputStream body = guard.wrap(request.content().inputStream());
            stored = store.put(body, limits.maxKeyBytes(), bytes -> predictions.inSlot(() -> openKeys(bytes)));
        }
        if (stored.checked() != null) {
            cache.offer(stored.keyId(), stored.checked());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("keyId", stored.keyId());
        answer.put("created", stored.created());
        response.header(HeaderNames.LOCATION, "/v1/predict?key=" + stored.keyId());
        sendJson(response, stored.created() ? 201 : 200, answer);
    }

    private void health(ServerRequest request, ServerResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", draining ? "DRAINING" : "UP");
        body.put("digest", model.digest());
        body.put("keySetsStored", store.count());
        body.put("keySetsHeld", cache.size());
        sendJson(response, draining ? 503 : 200, body);
    }

    private void metrics(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        response.send(metrics.scrape().getBytes(StandardCharsets.UTF_8));
    }

    private void openApi(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, "application/yaml");
        response.send(openApi);
    }

    // ---- keys ----------------------------------------------------------------------------------------------------

    private ServerCircuit openKeys(byte[] bytes) {
        try {
            return model.open(bytes, threads);
        } catch (ArtifactException e) {
            throw new ApiException(422, "invalid_keys", "These are not evaluation keys of this model ("
                    + model.digest() + "): " + e.getMessage(), e);
        } catch (MemoryLimitException e) {
            throw ApiException.unavailable("out_of_memory", "The server has not the memory to load these keys now: "
                    + e.getMessage(), 30);
        }
    }

    private ServerCircuit loadKeys(String id) {
        byte[] bytes = store.read(id).orElseThrow(() -> Predictions.unknownKey(id));
        return openKeys(bytes);
    }

    // ---- plumbing ------------------------------------------------------------------------------------------------

    /** Wraps a route: counts it in flight, refuses it while draining, times it and maps every failure to JSON. */
    private Handler handler(String route, Handler inner) {
        boolean always = route.equals("health") || route.equals("metrics");
        return (request, response) -> {
            long start = System.nanoTime();
            inFlight.incrementAndGet();
            try {
                if (draining && !always) {
                    throw ApiException.unavailable("shutting_down", "The server is shutting down; retry shortly.",
                            5);
                }
                inner.handle(request, response);
            } catch (ApiException e) {
                ErrorResponses.send(response, e);
            } catch (UncheckedIOException e) {
                ErrorResponses.send(response, KeyStore.clientReadFailure(e));
            } catch (Exception | Error e) {
                ErrorResponses.send(response, internal(e));
            } finally {
                inFlight.decrementAndGet();
                metrics.request(route, response.status().code(), Duration.ofNanos(System.nanoTime() - start));
            }
        };
    }

    private static ApiException internal(Throwable e) {
        if (e instanceof ApiException api) {
            return api;
        }
        LOG.log(System.Logger.Level.ERROR, "A request failed inside the server", e);
        return new ApiException(500, "internal_error", "The server failed on this request; its log has the cause.");
    }

    private static void sendJson(ServerResponse response, int status, Object body) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send(Json.write(body));
    }

    /**
     * Drains and stops: refuses new work (503), waits for running requests up to the grace period, stops the
     * listener and closes the loaded key sets. Idempotent.
     */
    @Override
    public void close() {
        if (draining && web == null) {
            return;
        }
        draining = true;
        long deadline = System.nanoTime() + limits.shutdownGrace().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (web != null) {
            web.stop();
            web = null;
        }
        cache.close();
    }

    /** Stops at once, as a killed process would: no draining; for fault tests. */
    void kill() {
        draining = true;
        if (web != null) {
            web.stop();
            web = null;
        }
        cache.close();
    }
}

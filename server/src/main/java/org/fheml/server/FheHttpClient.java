package org.fheml.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Arrays;
import java.util.List;
import org.fheml.compilation.KeyProtection;
import org.fheml.models.deploy.FheModelClient;

/**
 * The client of an fheml server, over {@code java.net.http}: it fetches the model's client bundle from the server,
 * generates or loads the secret key (which never leaves this side), uploads the evaluation keys once, then
 * {@link #predict} / {@link #predictProba} / {@link #predictValues} encrypt rows, post them in batches the server
 * accepts, and decrypt and post-process the results.
 *
 * <pre>{@code
 * FheHttpClient client = FheHttpClient.connect(URI.create("http://localhost:8080"))
 *         .loadOrGenerateKeys(keyDir, KeyProtection.passphrase(passphrase));
 * int[] labels = client.predict(X);
 * }</pre>
 *
 * <p>A request the server refuses throws a {@link FheHttpException} with its status and message; a 503 (server
 * full) is retried after its Retry-After delay, a bounded number of times; a server that lost this client's keys
 * (404) gets them again once.
 */
public final class FheHttpClient {

    private static final int MAX_RETRIES = 8;
    private static final long MAX_RETRY_WAIT_SECONDS = 30;

    private final HttpClient http;
    private final URI base;
    private final FheModelClient model;
    private final int maxRowsPerRequest;
    private final long maxRequestBytes;
    private final Duration timeout;
    private String keyId;

    private FheHttpClient(HttpClient http, URI base, FheModelClient model, int maxRowsPerRequest,
            long maxRequestBytes, Duration timeout) {
        this.http = http;
        this.base = base;
        this.model = model;
        this.maxRowsPerRequest = maxRowsPerRequest;
        this.maxRequestBytes = maxRequestBytes;
        this.timeout = timeout;
    }

    /** Connects to the server at {@code server} and loads its model's client bundle. */
    public static FheHttpClient connect(URI server) {
        return connect(server, Duration.ofMinutes(10));
    }

    /** {@link #connect(URI)} with {@code timeout} for each request (encrypted evaluation can take minutes). */
    public static FheHttpClient connect(URI server, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        URI base = server.toString().endsWith("/") ? server : URI.create(server + "/");
        HttpResponse<byte[]> response = send(http, HttpRequest.newBuilder(base.resolve("v1/model")).timeout(timeout)
                .GET().build());
        JsonNode body = Json.read(requireOk(response, "GET /v1/model"));
        FheModelClient model = FheModelClient.fromBytes(Base64.getDecoder().decode(body.get("clientBundle").asText()));
        String digest = body.get("digest").asText();
        if (!digest.equals(model.specificationDigest())) {
            throw new IllegalStateException("The server runs circuit " + digest + " but handed out the client bundle "
                    + "of circuit " + model.specificationDigest() + ": the server is misconfigured.");
        }
        int maxRows = body.has("maxRowsPerRequest") ? body.get("maxRowsPerRequest").asInt() : 1;
        long maxBytes = body.has("maxRequestBytes") ? body.get("maxRequestBytes").asLong() : Long.MAX_VALUE;
        return new FheHttpClient(http, base, model, Math.max(1, maxRows), maxBytes, timeout);
    }

    /** Loads the keys of {@code keyDir}, or generates and saves them there. */
    public FheHttpClient loadOrGenerateKeys(Path keyDir, KeyProtection protection) {
        model.loadOrGenerateKeys(keyDir, protection);
        keyId = null;
        return this;
    }

    /** Generates keys kept in memory only, for a one-off session. */
    public FheHttpClient generateEphemeralKeys() {
        model.generateEphemeralKeys();
        keyId = null;
        return this;
    }

    /** The model client underneath: its bundle, keys, classes. */
    public FheModelClient modelClient() {
        return model;
    }

    /**
     * Uploads the evaluation keys (once; again only after new keys), and returns the key id the server gave them.
     */
    public synchronized String uploadKeys() {
        if (keyId == null) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("v1/keys")).timeout(timeout)
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(model.evaluationKeys())).build();
            keyId = Json.read(requireOk(sendRetrying(request), "PUT /v1/keys")).get("keyId").asText();
        }
        return keyId;
    }

    /** Class labels of every row of X, run encrypted on the server. */
    public int[] predict(double[][] X) {
        return model.predict(run(model.encrypt(X)));
    }

    /** Class probabilities of every row of X, run encrypted on the server (columns ordered as classes()). */
    public double[][] predictProba(double[][] X) {
        return model.predictProba(run(model.encrypt(X)));
    }

    /** A regressor's predictions for every row of X, run encrypted on the server. */
    public double[] predictValues(double[][] X) {
        return model.predictValues(run(model.encrypt(X)));
    }

    /**
     * Posts encrypted requests (one per row) in batches within the server's rows and bytes per request; returns the
     * encrypted results in order.
     */
    public byte[][] run(byte[][] requests) {
        List<byte[]> results = new ArrayList<>(requests.length);
        for (int from = 0, to; from < requests.length; from = to) {
            to = batchEnd(requests, from);
            byte[] body = RowBatch.encode(Arrays.asList(requests).subList(from, to));
            HttpResponse<byte[]> response = post(body);
            if (response.statusCode() == 404) {
                synchronized (this) {
                    keyId = null;
                }
                response = post(body);
            }
            List<byte[]> answered = RowBatch.decode(requireOk(response, "POST /v1/predict"), to - from);
            List<byte[]> part = Arrays.asList(requests).subList(from, to);
            if (answered.size() != part.size()) {
                throw new IllegalStateException("The server answered " + answered.size() + " results for "
                        + part.size() + " rows.");
            }
            results.addAll(answered);
        }
        return results.toArray(byte[][]::new);
    }

    /** Posts a batch with this client's key id (uploading the keys first if the server has not got them). */
    private HttpResponse<byte[]> post(byte[] batch) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("v1/predict?key=" + uploadKeys())).timeout(timeout)
                .header("Content-Type", RowBatch.MEDIA_TYPE).POST(HttpRequest.BodyPublishers.ofByteArray(batch))
                .build();
        return sendRetrying(request);
    }

    /** The end of the batch starting at {@code from}: as many rows as the server takes, at least one. */
    private int batchEnd(byte[][] requests, int from) {
        long bytes = RowBatch.HEADER_BYTES + RowBatch.ROW_OVERHEAD_BYTES + requests[from].length;
        int to = from + 1;
        while (to < requests.length && to - from < maxRowsPerRequest
                && bytes + RowBatch.ROW_OVERHEAD_BYTES + requests[to].length <= maxRequestBytes) {
            bytes += RowBatch.ROW_OVERHEAD_BYTES + requests[to].length;
            to++;
        }
        return to;
    }

    private HttpResponse<byte[]> sendRetrying(HttpRequest request) {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response = send(http, request);
            if (response.statusCode() != 503 || attempt >= MAX_RETRIES) {
                return response;
            }
            long wait = response.headers().firstValue("retry-after").map(FheHttpClient::seconds).orElse(1L);
            try {
                Thread.sleep(Duration.ofSeconds(Math.min(MAX_RETRY_WAIT_SECONDS, Math.max(1, wait))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
        }
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static HttpResponse<byte[]> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("The fheml server at " + request.uri().getAuthority()
                    + " could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the fheml server", e);
        }
    }

    private static byte[] requireOk(HttpResponse<byte[]> response, String what) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response.body();
        }
        String code = "http_" + status;
        String message = new String(response.body(), StandardCharsets.UTF_8);
        try {
            JsonNode error = Json.read(response.body());
            if (error.has("error")) {
                code = error.get("error").asText();
                message = error.get("message").asText();
            }
        } catch (IllegalArgumentException notJson) {
            // keep the raw body as the message
        }
        throw new FheHttpException(status, code, what + " refused: " + message);
    }
}

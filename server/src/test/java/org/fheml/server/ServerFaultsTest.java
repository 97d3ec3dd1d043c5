package org.fheml.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fheml.compilation.Circuit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults over real HTTP: restarts, kills, a full disk, slow and vanishing clients, a full server, shutdown. */
class ServerFaultsTest {

    @TempDir
    Path keys;

    private final Circuit circuit = Fixtures.irisCircuit();
    private final CircuitModel model = new CircuitModel(circuit);
    private final long[] row = Fixtures.irisLogistic().quantizeInput(Fixtures.irisRows(3, 1))[0];

    private String upload(URI base) {
        HttpResponse<byte[]> put = Http.send(base, "PUT", "/v1/keys", circuit.evaluationKeys());
        assertTrue(put.statusCode() == 201 || put.statusCode() == 200, Http.text(put));
        return Http.json(put).get("keyId").asText();
    }

    private void assertPredicts(URI base, String keyId) {
        HttpResponse<byte[]> response = Http.send(base, "POST", "/v1/predict?key=" + keyId,
                RowBatch.encode(List.of(circuit.encryptToBytes(row))));
        assertEquals(200, response.statusCode(), () -> Http.text(response));
        assertArrayEquals(circuit.evaluate(row), circuit.decryptBytes(RowBatch.decode(response.body(), 1).get(0)));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(keys)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void keysUploadedBeforeARestartServeAfterIt() throws IOException {
        String keyId;
        try (FheServer first = FheServer.start(model, keys, ServerLimits.defaults(), 1, "127.0.0.1", 0)) {
            keyId = upload(first.uri());
        }
        try (FheServer second = FheServer.start(model, keys, ServerLimits.defaults(), 1, "127.0.0.1", 0)) {
            assertEquals(0, second.keySetsHeld(), "nothing is loaded before a request needs it");
            assertPredicts(second.uri(), keyId);
            assertEquals(1, second.keySetsHeld());
        }
    }

    @Test
    void aServerKilledDuringAnUploadLeavesNothingHalfWritten() throws Exception {
        byte[] keysBytes = circuit.evaluationKeys();
        FheServer doomed = FheServer.start(model, keys, ServerLimits.defaults().withShutdownGrace(Duration.ZERO), 1,
                "127.0.0.1", 0);
        try (Socket socket = Http.startUpload(doomed.uri(), "PUT", "/v1/keys", keysBytes.length,
                java.util.Arrays.copyOf(keysBytes, keysBytes.length / 2))) {
            waitFor(() -> partFiles() > 0 || keysBytes.length / 2 == 0);
            doomed.kill();
        }
        assertEquals(List.of(), files().stream().filter(f -> f.endsWith(".keys")).toList(),
                "no key file appears from a cut upload");
        try (FheServer next = FheServer.start(model, keys, ServerLimits.defaults(), 1, "127.0.0.1", 0)) {
            assertEquals(List.of(), files(), "the part file of the killed upload is removed at start");
            Http.assertError(Http.send(next.uri(), "POST", "/v1/predict?key=" + CircuitModel.sha256(keysBytes),
                    RowBatch.encode(List.of(circuit.encryptToBytes(row)))), 404, "unknown_key");
            assertPredicts(next.uri(), upload(next.uri()));
        }
    }

    @Test
    void aClientThatDisconnectsMidUploadLeavesNothingAndTheServerServesOn() throws Exception {
        byte[] keysBytes = circuit.evaluationKeys();
        try (FheServer server = FheServer.start(model, keys, ServerLimits.defaults(), 1, "127.0.0.1", 0)) {
            Socket socket = Http.startUpload(server.uri(), "PUT", "/v1/keys", keysBytes.length + 100_000L,
                    keysBytes);
            waitFor(() -> partFiles() > 0);
            socket.close();
            waitFor(() -> partFiles() == 0);
            assertEquals(List.of(), files());
            assertPredicts(server.uri(), upload(server.uri()));
        }
    }

    @Test
    void aSlowClientGets408AndHoldsNothing() throws Exception {
        ServerLimits limits = ServerLimits.defaults().withReadTimeout(Duration.ofMillis(500));
        try (FheServer server = FheServer.start(model, keys, limits, 1, "127.0.0.1", 0)) {
            String keyId = upload(server.uri());
            byte[] body = RowBatch.encode(List.of(circuit.encryptToBytes(row)));
            try (Socket socket = Http.startUpload(server.uri(), "POST", "/v1/predict?key=" + keyId, body.length,
                    java.util.Arrays.copyOf(body, 20))) {
                String answer = Http.readAll(socket);
                assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408"), answer);
                if (!answer.isEmpty()) {
                    assertTrue(answer.contains("\"error\":\"client_too_slow\""), answer);
                }
            }
            assertPredicts(server.uri(), keyId);
            byte[] otherKeys = freshIrisCircuit().evaluationKeys();
            try (Socket socket = Http.startUpload(server.uri(), "PUT", "/v1/keys", otherKeys.length,
                    java.util.Arrays.copyOf(otherKeys, otherKeys.length / 2))) {
                String answer = Http.readAll(socket);
                assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408"), answer);
            }
            waitFor(() -> partFiles() == 0);
            assertEquals(List.of(keyId + ".keys"), files(), "the stalled upload left nothing");
            String metrics = Http.text(Http.get(server.uri(), "/metrics"));
            assertTrue(!metrics.contains("status=\"500\""), metrics);
        }
    }

    @Test
    void aFullDiskGives507AndTheStoredKeysStillServe() throws IOException {
        String keyId;
        try (FheServer healthy = FheServer.start(model, keys, ServerLimits.defaults(), 1, "127.0.0.1", 0)) {
            keyId = upload(healthy.uri());
        }
        KeyStore full = new KeyStore(keys, 1L << 40, file -> new FilterOutputStream(Files.newOutputStream(file)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        });
        try (FheServer server = FheServer.start(model, full, ServerLimits.defaults(), 1)) {
            Circuit other = freshIrisCircuit();
            HttpResponse<byte[]> refused = Http.send(server.uri(), "PUT", "/v1/keys", other.evaluationKeys());
            Http.assertError(refused, 507, "key_store_write_failed");
            assertEquals(List.of(keyId + ".keys"), files(), "nothing half-written, nothing lost");
            assertPredicts(server.uri(), keyId);
        }
        ServerLimits quota = ServerLimits.defaults().withKeyStoreQuotaBytes(Files.size(keys.resolve(keyId + ".keys"))
                + 10);
        try (FheServer server = FheServer.start(model, keys, quota, 1, "127.0.0.1", 0)) {
            Http.assertError(Http.send(server.uri(), "PUT", "/v1/keys", freshIrisCircuit().evaluationKeys()), 507,
                    "key_store_full");
            assertPredicts(server.uri(), keyId);
        }
    }

    @Test
    void aRequestPastItsTimeLimitStopsBeforeItsNextRow() throws IOException {
        ServerLimits limits = ServerLimits.defaults().withRequestTimeout(Duration.ofNanos(1));
        try (FheServer server = FheServer.start(model, keys, limits, 1, "127.0.0.1", 0)) {
            String keyId = upload(server.uri());
            assertPredicts(server.uri(), keyId);
            byte[] three = RowBatch.encode(List.of(circuit.encryptToBytes(row), circuit.encryptToBytes(row),
                    circuit.encryptToBytes(row)));
            HttpResponse<byte[]> response = Http.send(server.uri(), "POST", "/v1/predict?key=" + keyId, three);
            Http.assertError(response, 503, "request_too_long");
            assertTrue(response.headers().firstValue("retry-after").isPresent());
        }
    }

    @Test
    void aFullServerAnswers503WithRetryAfterAndServesOnceFree() throws Exception {
        GatedModel gated = new GatedModel(model);
        String keyId;
        try (FheServer first = FheServer.start(gated, keys, ServerLimits.defaults(), 1, "127.0.0.1", 0)) {
            keyId = upload(first.uri());
        }
        ServerLimits one = ServerLimits.defaults().withMaxConcurrentEvaluations(1)
                .withQueueWait(Duration.ofMillis(200));
        try (FheServer server = FheServer.start(gated, keys, one, 1, "127.0.0.1", 0)) {
            gated.close();
            CompletableFuture<Void> held = CompletableFuture.runAsync(() -> assertPredicts(server.uri(), keyId));
            assertTrue(gated.entered.await(60, TimeUnit.SECONDS));
            HttpResponse<byte[]> busy = Http.send(server.uri(), "POST", "/v1/predict?key=" + keyId,
                    RowBatch.encode(List.of(circuit.encryptToBytes(row))));
            Http.assertError(busy, 503, "busy");
            assertTrue(Integer.parseInt(busy.headers().firstValue("retry-after").orElseThrow()) >= 1);
            gated.open();
            held.get(60, TimeUnit.SECONDS);
            assertPredicts(server.uri(), keyId);
        }
    }

    @Test
    void shutdownFinishesRunningRequestsAndRefusesNewOnes() throws Exception {
        GatedModel gated = new GatedModel(model);
        String keyId;
        try (FheServer first = FheServer.start(gated, keys, ServerLimits.defaults(), 1, "127.0.0.1", 0)) {
            keyId = upload(first.uri());
        }
        FheServer server = FheServer.start(gated, keys, ServerLimits.defaults(), 1, "127.0.0.1", 0);
        URI base = server.uri();
        gated.close();
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> assertPredicts(base, keyId));
        assertTrue(gated.entered.await(60, TimeUnit.SECONDS));
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        waitFor(() -> Http.get(base, "/health").statusCode() == 503);
        Http.assertError(Http.send(base, "POST", "/v1/predict?key=" + keyId,
                RowBatch.encode(List.of(circuit.encryptToBytes(row)))), 503, "shutting_down");
        gated.open();
        running.get(60, TimeUnit.SECONDS);
        closing.get(60, TimeUnit.SECONDS);
    }

    private static Circuit freshIrisCircuit() {
        return Fixtures.irisTwin().fheCircuit();
    }

    private long partFiles() {
        try {
            return files().stream().filter(f -> f.endsWith(".part")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Waits (at most a minute) for a condition another thread makes true. */
    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition never became true");
            }
            Thread.sleep(20);
        }
    }
}

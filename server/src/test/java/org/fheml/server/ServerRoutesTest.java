package org.fheml.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.fheml.compilation.Circuit;
import org.fheml.core.datasets.Datasets;
import org.fheml.models.linear.LogisticRegression;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routes over real HTTP on loopback, with a circuit's own client side (below the model bundles). */
class ServerRoutesTest {

    @TempDir
    static Path keys;

    private static Circuit circuit;
    private static CircuitModel model;
    private static FheServer server;
    private static URI base;
    private static String keyId;

    @BeforeAll
    static void start() throws IOException {
        circuit = Fixtures.irisCircuit();
        model = new CircuitModel(circuit);
        server = FheServer.start(model, keys, ServerLimits.defaults().withMaxRowsPerRequest(8)
                .withMaxPredictBytes(4 << 20), 1, "127.0.0.1", 0);
        base = server.uri();
        HttpResponse<byte[]> put = Http.send(base, "PUT", "/v1/keys", circuit.evaluationKeys());
        assertTrue(put.statusCode() == 201 || put.statusCode() == 200, Http.text(put));
        keyId = Http.json(put).get("keyId").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long[][] quantized(int from, int count) {
        return Fixtures.irisLogistic().quantizeInput(Fixtures.irisRows(from, count));
    }

    private static byte[] batch(long[][] rows) {
        List<byte[]> encrypted = new ArrayList<>();
        for (long[] row : rows) {
            encrypted.add(circuit.encryptToBytes(row));
        }
        return RowBatch.encode(encrypted);
    }

    @Test
    void modelRouteGivesTheDigestAndTheClientBundle() {
        HttpResponse<byte[]> response = Http.get(base, "/v1/model");
        assertEquals(200, response.statusCode());
        JsonNode body = Http.json(response);
        assertEquals(model.digest(), body.get("digest").asText());
        assertArrayEquals(model.clientBundle(), Base64.getDecoder().decode(body.get("clientBundle").asText()));
        assertEquals(8, body.get("maxRowsPerRequest").asInt());
    }

    @Test
    void predictionsEqualTheClearCircuitRowForRow() {
        long[][] rows = quantized(10, 7);
        HttpResponse<byte[]> response = Http.send(base, "POST", "/v1/predict?key=" + keyId, batch(rows));
        assertEquals(200, response.statusCode(), () -> Http.text(response));
        assertEquals(RowBatch.MEDIA_TYPE, response.headers().firstValue("content-type").orElseThrow());
        List<byte[]> results = RowBatch.decode(response.body(), 100);
        assertEquals(rows.length, results.size());
        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(circuit.evaluate(rows[i]), circuit.decryptBytes(results.get(i)), "row " + i);
        }
    }

    @Test
    void uploadingTheSameKeysAgainAnswersTheSameId() {
        HttpResponse<byte[]> again = Http.send(base, "PUT", "/v1/keys", circuit.evaluationKeys());
        assertEquals(200, again.statusCode());
        assertEquals(keyId, Http.json(again).get("keyId").asText());
        assertFalse(Http.json(again).get("created").asBoolean());
    }

    @Test
    void badRequestsGetA4xxJsonErrorAndTheServerServesOn() throws IOException {
        String predict = "/v1/predict?key=" + keyId;
        Http.assertError(Http.send(base, "POST", "/v1/predict?key=" + "ab".repeat(32), batch(quantized(0, 1))),
                404, "unknown_key");
        Http.assertError(Http.send(base, "POST", "/v1/predict?key=../../etc", batch(quantized(0, 1))), 400,
                "bad_key_id");
        Http.assertError(Http.send(base, "POST", "/v1/predict", batch(quantized(0, 1))), 400, "bad_key_id");
        Http.assertError(Http.send(base, "POST", predict, "not a batch at all".getBytes()), 400, "malformed_batch");
        byte[] good = batch(quantized(0, 2));
        Http.assertError(Http.send(base, "POST", predict, java.util.Arrays.copyOf(good, good.length - 9)), 400,
                "malformed_batch");
        Http.assertError(Http.send(base, "POST", predict, batch(quantized(0, 9))), 413, "too_many_rows");
        Http.assertError(Http.send(base, "POST", predict, new byte[(4 << 20) + 1]), 413, "body_too_large");
        Http.assertError(Http.send(base, "POST", predict, RowBatch.encode(List.of(new byte[] {1, 2, 3}))), 400,
                "bad_ciphertexts");
        byte[] row = circuit.encryptToBytes(quantized(0, 1)[0]);
        row[row.length / 2] ^= 0x5a;
        row[40] ^= 0x11;
        int status = Http.send(base, "POST", predict, RowBatch.encode(List.of(row))).statusCode();
        assertTrue(status == 200 || status == 400, "flipped ciphertext bits decrypt to noise or are refused: "
                + status);
        Http.assertError(Http.send(base, "PUT", "/v1/keys", "garbage keys".getBytes()), 422, "invalid_keys");
        Http.assertError(Http.send(base, "PUT", "/v1/keys", new byte[0]), 400, "empty_upload");
        try (java.net.Socket huge = Http.startUpload(base, "PUT", "/v1/keys", 1L << 40, new byte[0])) {
            String answer = Http.readResponse(huge);
            assertTrue(answer.startsWith("HTTP/1.1 413") && answer.contains("\"error\":\"body_too_large\""),
                    answer);
        }
        byte[] keysBytes = circuit.evaluationKeys();
        Http.assertError(Http.send(base, "PUT", "/v1/keys", java.util.Arrays.copyOf(keysBytes, keysBytes.length - 5)),
                422, "invalid_keys");
        assertEquals(1, countKeyFiles(), "no refused upload is stored");
        predictionsEqualTheClearCircuitRowForRow();
    }

    @Test
    void ciphertextsOfAnotherModelOrAnotherKeySetAreRefused() {
        var wine = Datasets.wine();
        LogisticRegression other = new LogisticRegression().setNBits(6).fit(wine.features(), wine.labels());
        other.compile(wine.features());
        byte[] wineRow = other.fheCircuit().encryptToBytes(other.quantizeInput(new double[][] {wine.features()[0]})[0]);
        Http.assertError(Http.send(base, "POST", "/v1/predict?key=" + keyId, RowBatch.encode(List.of(wineRow))),
                422, "wrong_input_shape");

        var iris = Datasets.iris();
        LogisticRegression twin = Fixtures.irisTwin();
        byte[] twinRow = twin.fheCircuit().encryptToBytes(twin.quantizeInput(new double[][] {iris.features()[0]})[0]);
        HttpResponse<byte[]> response = Http.send(base, "POST", "/v1/predict?key=" + keyId,
                RowBatch.encode(List.of(twinRow)));
        Http.assertError(response, 409, "key_set_mismatch");
    }

    @Test
    void metricsCountRequestsLatencyRowsAndKeys() {
        predictionsEqualTheClearCircuitRowForRow();
        HttpResponse<byte[]> response = Http.get(base, "/metrics");
        assertEquals(200, response.statusCode());
        String text = Http.text(response);
        assertTrue(text.contains("fheml_requests_total{route=\"predict\",status=\"200\"}"), text);
        assertTrue(text.contains("fheml_request_seconds{route=\"predict\",quantile=\"0.99\"}"), text);
        assertTrue(text.contains("fheml_rows_total"), text);
        assertTrue(text.contains("fheml_bootstraps_total"), text);
        assertTrue(text.contains("fheml_keys_held"), text);
        assertTrue(text.contains("fheml_keys_stored 1.0"), text);
    }

    @Test
    void healthAndTheServedOpenApiMatchTheCommittedRoutes() throws IOException {
        HttpResponse<byte[]> health = Http.get(base, "/health");
        assertEquals(200, health.statusCode());
        assertEquals("UP", Http.json(health).get("status").asText());
        HttpResponse<byte[]> openApi = Http.get(base, "/openapi");
        assertEquals(200, openApi.statusCode());
        String yaml = Http.text(openApi);
        for (String route : new String[] {"/v1/model:", "/v1/keys:", "/v1/predict:", "/health:", "/metrics:",
                "/openapi:"}) {
            assertTrue(yaml.contains("  " + route), route + " is described");
        }
        assertArrayEquals(Files.readAllBytes(Path.of("src/main/resources/org/fheml/server/openapi.yaml")),
                openApi.body(), "the served description is the committed file");
        Http.assertError(Http.get(base, "/v1/nothing"), 404, "not_found");
    }

    private static long countKeyFiles() throws IOException {
        try (var files = Files.list(keys)) {
            return files.count();
        }
    }
}

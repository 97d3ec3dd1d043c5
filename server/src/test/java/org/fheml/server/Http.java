package org.fheml.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain HTTP calls against a test server, and checks on its error bodies. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    static HttpResponse<byte[]> send(URI base, String method, String path, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<byte[]> get(URI base, String path) {
        return send(base, "GET", path, null);
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        return Json.read(response.body());
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** Checks a refusal: this status and code, a JSON body with a message, and no stack trace. */
    static JsonNode assertError(HttpResponse<byte[]> response, int status, String code) {
        assertEquals(status, response.statusCode(), () -> text(response));
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        JsonNode body = json(response);
        assertEquals(status, body.get("status").asInt());
        assertEquals(code, body.get("error").asText(), () -> text(response));
        String message = body.get("message").asText();
        assertFalse(message.isBlank());
        assertFalse(text(response).contains("\tat ") || text(response).contains("Exception:"),
                "no stack trace in " + text(response));
        return body;
    }

    /**
     * Sends a request's head and the first {@code sent} bytes of a body declared {@code declared} bytes long, over
     * a raw socket left open: a client that stalls or disconnects mid-upload.
     */
    static Socket startUpload(URI base, String method, String path, long declared, byte[] sent) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        OutputStream out = socket.getOutputStream();
        out.write((method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: "
                + "application/octet-stream\r\nContent-Length: " + declared + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(sent);
        out.flush();
        return socket;
    }

    /** One response read from a raw socket: its head and a body of its Content-Length. */
    static String readResponse(Socket socket) throws IOException {
        socket.setSoTimeout(60_000);
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString();
            }
            head.append((char) b);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                .matcher(head);
        int size = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return head + new String(in.readNBytes(size), StandardCharsets.UTF_8);
    }

    /** Everything the server sends back on a raw socket until it closes it (or 60 s pass). */
    static String readAll(Socket socket) throws IOException {
        socket.setSoTimeout(60_000);
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}

package org.fheml.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes refusals as JSON bodies {@code {"status": 413, "error": "too_many_rows", "message": "..."}}, with a
 * Retry-After header on a 503. No body ever carries a stack trace.
 */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static void send(ServerResponse response, ApiException e) {
        if (response.isSent()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", e.status());
        body.put("error", e.code());
        body.put("message", e.getMessage());
        response.status(e.status());
        if (e.retryAfterSeconds() > 0) {
            response.header(HeaderNames.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        try {
            response.send(Json.write(body));
        } catch (RuntimeException gone) {
            // the client closed the connection (or was cut off for being too slow): no one is left to answer
        }
    }
}

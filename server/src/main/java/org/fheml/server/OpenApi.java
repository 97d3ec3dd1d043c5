package org.fheml.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The server's OpenAPI 3 description, committed as the resource {@code openapi.yaml} and served at GET /openapi. */
public final class OpenApi {

    private OpenApi() {
    }

    /** The description's bytes (YAML). */
    public static byte[] document() {
        try (InputStream in = OpenApi.class.getResourceAsStream("openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the fheml server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

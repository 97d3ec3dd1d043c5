package org.fheml.server;

import io.helidon.webserver.http.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;

/** Reads request bodies within a size limit, turning a client's failure to send them into a 4xx. */
final class Bodies {

    private Bodies() {
    }

    /** Refuses, before reading anything, a body whose declared length is over {@code max}. */
    static void requireDeclaredLength(ServerRequest request, long max, String what) {
        var declared = request.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > max) {
            throw tooLarge(declared.getAsLong(), max, what);
        }
    }

    /**
     * The whole body, at most {@code max} bytes, with at most {@code readTimeout} of silence, drawn from the
     * memory budget (twice its size: the buffer grows by copying).
     */
    static byte[] read(ServerRequest request, long max, String what, Duration readTimeout, BodyBudget.Draw budget) {
        requireDeclaredLength(request, max, what);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        try (SlowClientGuard guard = SlowClientGuard.start(readTimeout)) {
            InputStream in = guard.wrap(request.content().inputStream());
            long total = 0;
            while (true) {
                int n = KeyStore.readFromClient(in, buffer);
                if (n < 0) {
                    return out.toByteArray();
                }
                total += n;
                if (total > max) {
                    throw tooLarge(total, max, what);
                }
                budget.reserve(2 * total);
                out.write(buffer, 0, n);
            }
        }
    }

    private static ApiException tooLarge(long size, long max, String what) {
        return new ApiException(413, "body_too_large", "The " + what + " has " + size + " bytes or more, over the "
                + max + " this server accepts for it.");
    }
}

package org.fheml.server;

/**
 * A request the server refuses, with the HTTP status, a stable machine-readable code and a message that says what
 * to change. Every route turns its refusals into one of these; {@link ErrorResponses} writes it as a JSON body.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final long retryAfterSeconds;

    public ApiException(int status, String code, String message) {
        this(status, code, message, 0, null);
    }

    public ApiException(int status, String code, String message, Throwable cause) {
        this(status, code, message, 0, cause);
    }

    private ApiException(int status, String code, String message, long retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A 503: the server is full or shutting down; the client may retry after this many seconds. */
    public static ApiException unavailable(String code, String message, long retryAfterSeconds) {
        return new ApiException(503, code, message, Math.max(1, retryAfterSeconds), null);
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** A short stable name of the problem, e.g. {@code unknown_key}. */
    public String code() {
        return code;
    }

    /** Seconds for a Retry-After header, or 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

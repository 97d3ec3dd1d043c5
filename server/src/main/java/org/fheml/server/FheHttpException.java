package org.fheml.server;

/**
 * A request the fheml server refused, as {@link FheHttpClient} reports it: the HTTP status, the server's error
 * code (e.g. {@code unknown_key}) and its message saying what to change.
 */
public final class FheHttpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public FheHttpException(int status, String code, String message) {
        super("HTTP " + status + " " + code + ": " + message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}

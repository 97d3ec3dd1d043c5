package org.fheml.tfhe.serialization;

/** An artifact that cannot be read: not fheml's, of another type or format version, truncated or inconsistent. */
public class ArtifactException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ArtifactException(String message) {
        super(message);
    }

    public ArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}

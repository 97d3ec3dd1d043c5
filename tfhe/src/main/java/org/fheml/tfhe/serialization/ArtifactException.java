package org.fheml.tfhe.serialization;

/**
 * An artifact that cannot be read: not fheml's, of another type or format version, truncated, damaged, forged or
 * inconsistent. The message names the artifact and what is wrong with it.
 */
public class ArtifactException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ArtifactException(String message) {
        super(message);
    }

    public ArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}

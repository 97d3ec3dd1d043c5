package org.fheml.tfhe.serialization;

/**
 * An artifact whose CRC-32C does not match its bytes: damaged in storage or transit, or cut short. The checksum
 * guards against accidents only; it is no signature, and anyone can reseal bytes they changed.
 */
public final class ArtifactChecksumException extends ArtifactException {

    private static final long serialVersionUID = 1L;

    public ArtifactChecksumException(String message) {
        super(message);
    }
}

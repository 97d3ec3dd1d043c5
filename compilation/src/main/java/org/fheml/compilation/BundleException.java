package org.fheml.compilation;

import java.nio.file.Path;
import org.fheml.tfhe.serialization.ArtifactException;

/**
 * A bundle or key file that cannot be used: missing, unreadable, not writable, or damaged. The message names the
 * file and what to do; the cause, when there is one, is the I/O or artifact error underneath.
 */
public class BundleException extends ArtifactException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public BundleException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file the problem is about. */
    public Path file() {
        return file;
    }
}

package org.fheml.compilation;

import java.nio.file.Path;

/**
 * A key cache entry that cannot be used: a file is missing, damaged or of other parameters, or its client and server
 * keys are of different key sets. The cache never replaces such an entry, since ciphertexts made under the keys it
 * held would become unreadable; the message names the entry and the file, and says how to start afresh.
 */
public final class KeyCacheException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Path entry;

    KeyCacheException(Path entry, String problem, Throwable cause) {
        super("The key cache entry " + entry + " cannot be used: " + problem + ". fheml does not replace cached keys, "
                + "since data encrypted under them would become unreadable: restore the entry, or delete the folder "
                + entry + " to generate fresh keys.", cause);
        this.entry = entry;
    }

    /** The folder of the entry (one key set). */
    public Path entry() {
        return entry;
    }
}

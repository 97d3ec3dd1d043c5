package org.fheml.compilation;

import org.fheml.tfhe.serialization.ArtifactException;

/**
 * Ciphertexts of one key set met keys of another: a server given arguments encrypted for other evaluation keys, or
 * a client given results computed for another key set. Running on, the result would be noise.
 */
public final class KeySetMismatchException extends ArtifactException {

    private static final long serialVersionUID = 1L;

    KeySetMismatchException(String message) {
        super(message);
    }

    static void check(KeySetId expected, KeySetId found, String what, String holder) {
        if (!expected.equals(found)) {
            throw new KeySetMismatchException(what + " belong to key set " + found + ", but " + holder + " key set "
                    + expected + ": they were made with another client's keys. Encrypt with the keys whose "
                    + "evaluation keys the server holds, and decrypt with the key set that encrypted.");
        }
    }
}

package org.fheml.compilation;

import java.nio.file.Path;

/**
 * The passphrase does not open the secret key file: it is not the one the keys were saved with (or the encrypted
 * bytes were altered, which AES-GCM cannot tell apart from a wrong passphrase).
 */
public final class WrongPassphraseException extends BundleException {

    private static final long serialVersionUID = 1L;

    WrongPassphraseException(Path file, Throwable cause) {
        super(file, "The passphrase does not decrypt the secret keys in " + file + ": give the passphrase they were "
                + "saved with.", cause);
    }
}

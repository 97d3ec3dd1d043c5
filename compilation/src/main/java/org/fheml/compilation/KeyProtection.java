package org.fheml.compilation;

/**
 * How a {@link KeyDirectory} protects the secret key on disk: encrypted with a passphrase (the default to choose),
 * or, only when asked for explicitly, stored in the clear in a file readable by its owner alone.
 */
public sealed interface KeyProtection {

    /** PBKDF2 iterations when none are given: OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    int DEFAULT_ITERATIONS = 600_000;

    /** The secret key encrypted with AES-256-GCM under a key derived from the passphrase by PBKDF2. */
    static KeyProtection passphrase(char[] passphrase) {
        return new Passphrase(passphrase, DEFAULT_ITERATIONS);
    }

    /**
     * The secret key stored unencrypted, in a file only its owner may read or write (POSIX permissions 0600, in a
     * folder of 0700): anyone who reads the file, or a backup of it, can decrypt everything. Refused on file
     * systems without POSIX permissions.
     */
    static KeyProtection unencryptedOwnerOnly() {
        return new OwnerOnlyUnencrypted();
    }

    /**
     * A passphrase and the PBKDF2-HMAC-SHA256 iterations that stretch it (at least {@link #DEFAULT_ITERATIONS}).
     * The characters are copied; clear your own array when done.
     */
    record Passphrase(char[] passphrase, int iterations) implements KeyProtection {

        public Passphrase {
            if (passphrase == null || passphrase.length == 0) {
                throw new IllegalArgumentException("The passphrase is empty: give one, or choose "
                        + "KeyProtection.unencryptedOwnerOnly() explicitly.");
            }
            if (iterations < DEFAULT_ITERATIONS) {
                throw new IllegalArgumentException("PBKDF2 needs at least " + DEFAULT_ITERATIONS + " iterations, got "
                        + iterations + ".");
            }
            passphrase = passphrase.clone();
        }

        @Override
        public char[] passphrase() {
            return passphrase.clone();
        }

        @Override
        public String toString() {
            return "Passphrase(" + iterations + " PBKDF2 iterations)";
        }
    }

    /** No encryption: the secret key is protected by file permissions alone. */
    record OwnerOnlyUnencrypted() implements KeyProtection {
    }
}

package org.fheml.compilation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.fheml.tfhe.serialization.ArtifactException;
import org.fheml.tfhe.serialization.ArtifactHeader;
import org.fheml.tfhe.serialization.ArtifactType;

/**
 * A client's keys kept in a folder between runs. It holds two files:
 * <ul>
 *   <li>{@value #SECRET_KEYS}: the secret key ({@link ClientKeySet#secretKeys()}), encrypted with a passphrase
 *       (a {@link ArtifactType#PASSPHRASE_ENCRYPTED} artifact, AES-256-GCM under a PBKDF2-HMAC-SHA256 key), or, when
 *       {@link KeyProtection#unencryptedOwnerOnly()} is chosen explicitly, in the clear; either way created with
 *       permissions 0600 in a folder of 0700 where the file system has POSIX permissions;</li>
 *   <li>{@value #EVALUATION_KEYS}: the evaluation keys for servers, public.</li>
 * </ul>
 * The evaluation keys are written first and the secret key last, each atomically, so that a folder with a secret
 * key is complete. Every problem is a {@link BundleException} naming the file; a wrong passphrase is a
 * {@link WrongPassphraseException}.
 */
public final class KeyDirectory {

    /** The (protected) secret key file. */
    public static final String SECRET_KEYS = "secret-keys.fheml";
    /** The public evaluation keys file. */
    public static final String EVALUATION_KEYS = "evaluation-keys.fheml";

    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private KeyDirectory() {
    }

    /** Whether {@code dir} holds a secret key file. */
    public static boolean exists(Path dir) {
        return Files.exists(dir.resolve(SECRET_KEYS));
    }

    /**
     * Generates a key set for the circuit and saves it into {@code dir} (created if needed).
     *
     * @throws BundleException when {@code dir} already holds keys (they are never overwritten) or cannot be written
     */
    public static ClientKeySet create(Path dir, ClientCircuit circuit, KeyProtection protection) {
        requireProtection(protection);
        if (exists(dir)) {
            throw new BundleException(dir.resolve(SECRET_KEYS), dir + " already holds keys: load them, or choose "
                    + "another folder (keys are never overwritten).", null);
        }
        ClientKeySet keys = circuit.generateKeys();
        createPrivateFolder(dir, protection);
        BundleFiles.write(dir, EVALUATION_KEYS, keys.evaluationKeys(), false);
        byte[] secret = switch (protection) {
            case KeyProtection.Passphrase passphrase -> PassphraseEncryption.seal(keys.secretKeys(), passphrase);
            case KeyProtection.OwnerOnlyUnencrypted unencrypted -> keys.secretKeys();
        };
        BundleFiles.write(dir, SECRET_KEYS, secret, true);
        return keys;
    }

    /**
     * Loads the key set saved in {@code dir} for this circuit.
     *
     * @throws WrongPassphraseException when the passphrase is not the one the keys were saved with
     * @throws BundleException          when a file is missing or damaged, the keys belong to another circuit, the
     *                                  protection is not the one the keys were saved with, or an unencrypted secret
     *                                  key is readable by others than its owner
     */
    public static ClientKeySet load(Path dir, ClientCircuit circuit, KeyProtection protection) {
        requireProtection(protection);
        Path secretFile = dir.resolve(SECRET_KEYS);
        byte[] secret = BundleFiles.read(dir, SECRET_KEYS, "secret key file", bytes -> bytes);
        ArtifactType stored = storedType(secretFile, secret);
        byte[] plain = switch (protection) {
            case KeyProtection.Passphrase passphrase -> {
                if (stored != ArtifactType.PASSPHRASE_ENCRYPTED) {
                    throw new BundleException(secretFile, "The secret keys in " + secretFile + " are stored without "
                            + "a passphrase: load them with KeyProtection.unencryptedOwnerOnly().", null);
                }
                try {
                    yield PassphraseEncryption.open(secret, passphrase, secretFile);
                } catch (WrongPassphraseException e) {
                    throw e;
                } catch (ArtifactException e) {
                    throw new BundleException(secretFile, "The secret key file " + secretFile + " is damaged: "
                            + e.getMessage(), e);
                }
            }
            case KeyProtection.OwnerOnlyUnencrypted unencrypted -> {
                if (stored == ArtifactType.PASSPHRASE_ENCRYPTED) {
                    throw new BundleException(secretFile, "The secret keys in " + secretFile + " are encrypted: "
                            + "load them with KeyProtection.passphrase(...).", null);
                }
                requireOwnerOnly(secretFile);
                yield secret;
            }
        };
        byte[] evaluation = BundleFiles.read(dir, EVALUATION_KEYS, "evaluation keys file", bytes -> bytes);
        try {
            return circuit.loadKeys(plain, evaluation);
        } catch (ArtifactException e) {
            throw new BundleException(dir, "The keys in " + dir + " cannot be used for this model: "
                    + e.getMessage(), e);
        }
    }

    /** {@link #load} when {@code dir} holds keys, else {@link #create}. */
    public static ClientKeySet loadOrCreate(Path dir, ClientCircuit circuit, KeyProtection protection) {
        return exists(dir) ? load(dir, circuit, protection) : create(dir, circuit, protection);
    }

    private static void requireProtection(KeyProtection protection) {
        if (protection == null) {
            throw new IllegalArgumentException("No key protection given: use KeyProtection.passphrase(...), or "
                    + "KeyProtection.unencryptedOwnerOnly() explicitly.");
        }
    }

    private static ArtifactType storedType(Path file, byte[] bytes) {
        try {
            return ArtifactHeader.peek(bytes, ArtifactType.CLIENT_SECRET_KEYS).type();
        } catch (ArtifactException e) {
            throw new BundleException(file, "The secret key file " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    private static void createPrivateFolder(Path dir, KeyProtection protection) {
        try {
            if (Files.getFileStore(existingAncestor(dir)).supportsFileAttributeView(PosixFileAttributeView.class)) {
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
                }
            } else if (protection instanceof KeyProtection.OwnerOnlyUnencrypted) {
                throw new BundleException(dir, "The file system of " + dir + " has no POSIX permissions, so an "
                        + "unencrypted secret key cannot be kept readable by its owner only: use a passphrase.", null);
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new BundleException(dir, "Cannot create the key folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Path existingAncestor(Path dir) {
        Path current = dir.toAbsolutePath();
        while (current != null && !Files.exists(current)) {
            current = current.getParent();
        }
        return current == null ? dir.toAbsolutePath().getRoot() : current;
    }

    /** Refuses an unencrypted secret key that others than its owner may read or write (as ssh does). */
    private static void requireOwnerOnly(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> others = EnumSet.noneOf(PosixFilePermission.class);
            others.addAll(permissions);
            others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
            if (!others.isEmpty()) {
                throw new BundleException(file, "The unencrypted secret key " + file + " has permissions "
                        + PosixFilePermissions.toString(permissions) + ": others than its owner may read it. "
                        + "Run chmod 600 on it (and consider it exposed), or re-create the keys with a passphrase.",
                        null);
            }
        } catch (UnsupportedOperationException e) {
            throw new BundleException(file, "The file system of " + file + " has no POSIX permissions, so an "
                    + "unencrypted secret key cannot be kept readable by its owner only: use a passphrase.", e);
        } catch (IOException e) {
            throw new BundleException(file, "Cannot read the permissions of " + file + ": " + e.getMessage(), e);
        }
    }
}

package org.fheml.compilation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.fheml.tfhe.compression.SeededServerKey;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.serialization.ArtifactException;
import org.fheml.tfhe.serialization.TfheArtifacts;

/**
 * Secret and evaluation keys kept in a folder, in the clear, so that tests and notebooks need not regenerate them:
 * INSECURE, for data that does not matter. Files are named after a hash of the parameters; a damaged or foreign
 * file is replaced by fresh keys.
 */
final class InsecureKeyCache {

    private final Path folder;

    InsecureKeyCache(Path folder) {
        this.folder = folder;
    }

    /** The client and (seeded) server keys of these parameters, loaded or generated and stored. */
    ClientKeys bootstrapped(CircuitParameters.Bootstrapped parameters, Supplier<ClientKey> client,
            java.util.function.Function<ClientKey, SeededServerKey> server) {
        TfheParameters tfhe = parameters.pbs().toTfheParameters();
        String name = name(TfheArtifacts.write(tfhe));
        Path clientFile = folder.resolve(name + ".client-key");
        Path serverFile = folder.resolve(name + ".server-key");
        try {
            if (Files.exists(clientFile) && Files.exists(serverFile)) {
                byte[] clientBytes = Files.readAllBytes(clientFile);
                return ClientKeys.bootstrapped(parameters, TfheArtifacts.readClientKey(clientBytes),
                        TfheArtifacts.readSeededServerKey(Files.readAllBytes(serverFile)), nonce(clientBytes));
            }
        } catch (IOException | ArtifactException e) {
            // a damaged cache entry is regenerated below
        }
        ClientKey clientKey = client.get();
        SeededServerKey serverKey = server.apply(clientKey);
        byte[] clientBytes = TfheArtifacts.write(clientKey);
        store(clientFile, clientBytes);
        store(serverFile, TfheArtifacts.write(serverKey));
        return ClientKeys.bootstrapped(parameters, clientKey, serverKey, nonce(clientBytes));
    }

    /** The LWE key of a circuit without bootstraps, loaded or generated and stored. */
    ClientKeys leveled(CircuitParameters.Leveled parameters, Supplier<LweSecretKey> generate) {
        Path file = folder.resolve("lwe-" + parameters.lwe().lweDimension() + ".secret-key");
        try {
            if (Files.exists(file)) {
                byte[] bytes = Files.readAllBytes(file);
                return ClientKeys.leveled(parameters, TfheArtifacts.readLweSecretKey(bytes), nonce(bytes));
            }
        } catch (IOException | ArtifactException e) {
            // a damaged cache entry is regenerated below
        }
        LweSecretKey key = generate.get();
        byte[] bytes = TfheArtifacts.write(key);
        store(file, bytes);
        return ClientKeys.leveled(parameters, key, nonce(bytes));
    }

    /**
     * The nonce of a cached key set's id, derived from the stored secret key so that every circuit reading the entry
     * gets the same id (a digest of a digest: it reveals nothing of the key).
     */
    private static byte[] nonce(byte[] secretKeyArtifact) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(secretKeyArtifact);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String name(byte[] parameters) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(parameters);
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private void store(Path file, byte[] bytes) {
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "keys", ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the key cache " + folder + ": " + e.getMessage(), e);
        }
    }
}

package org.fheml.compilation;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.fheml.tfhe.algorithms.LweEncryption;
import org.fheml.tfhe.compression.SeededServerKey;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweKeyswitchKey;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.serialization.TfheArtifacts;

/**
 * Secret and evaluation keys kept in a folder, in the clear, so that tests and notebooks need not regenerate them:
 * INSECURE, for data that does not matter.
 *
 * <p>Each key set is one entry, a sub-folder named after a hash of the parameters, holding {@code client-key} and
 * {@code server-key} (or {@code secret-key} for a circuit without bootstraps), each a sealed artifact with a CRC.
 * An entry is written whole into a temporary folder and then renamed into place in one atomic step, which fails when
 * the entry already exists: an entry is never overwritten, and a write that fails leaves whatever was there intact.
 * When two writers race, the loser reads the winner's keys. An entry that exists but cannot be used (a file missing
 * or damaged, keys of other parameters, or a server key that does not belong to the client key) is reported with a
 * {@link KeyCacheException} and left as it is, never regenerated.
 */
final class InsecureKeyCache {

    static final String CLIENT_KEY = "client-key";
    static final String SERVER_KEY = "server-key";
    static final String SECRET_KEY = "secret-key";
    /** Keyswitch key rows checked against the client key: a foreign key set passes each with chance 2^-baseLog. */
    private static final int BINDING_CHECKS = 64;

    private final Path folder;

    InsecureKeyCache(Path folder) {
        this.folder = folder;
    }

    /** The client and (seeded) server keys of these parameters, loaded, or generated and stored. */
    ClientKeys bootstrapped(CircuitParameters.Bootstrapped parameters, Supplier<ClientKey> client,
            Function<ClientKey, SeededServerKey> server) {
        TfheParameters tfhe = parameters.pbs().toTfheParameters();
        Path entry = folder.resolve(name(TfheArtifacts.write(tfhe)));
        if (!Files.exists(entry)) {
            ClientKey clientKey = client.get();
            SeededServerKey serverKey = server.apply(clientKey);
            byte[] clientBytes = TfheArtifacts.write(clientKey);
            if (publish(entry, new String[] {CLIENT_KEY, SERVER_KEY},
                    new byte[][] {clientBytes, TfheArtifacts.write(serverKey)})) {
                return ClientKeys.bootstrapped(parameters, clientKey, serverKey, nonce(clientBytes));
            }
        }
        byte[] clientBytes = read(entry, CLIENT_KEY);
        ClientKey clientKey = parse(entry, CLIENT_KEY, clientBytes, TfheArtifacts::readClientKey);
        SeededServerKey serverKey = parse(entry, SERVER_KEY, read(entry, SERVER_KEY),
                TfheArtifacts::readSeededServerKey);
        if (!clientKey.parameters().equals(tfhe) || !serverKey.parameters().equals(tfhe)) {
            throw new KeyCacheException(entry, "its keys are of other parameters than " + tfhe, null);
        }
        ClientKeys keys = ClientKeys.bootstrapped(parameters, clientKey, serverKey, nonce(clientBytes));
        if (!belongTogether(clientKey, keys.serverKey())) {
            throw new KeyCacheException(entry, "its " + SERVER_KEY + " was not made from its " + CLIENT_KEY
                    + " (the keys of two key sets are mixed)", null);
        }
        return keys;
    }

    /**
     * The keys of a multi-parameter circuit, loaded, or generated and stored: one entry for all partitions (they
     * share one GLWE key), holding {@code client-key-i} and {@code server-key-i} for every partition i.
     */
    ClientKeys partitioned(CircuitParameters.Bootstrapped parameters) {
        int count = parameters.partitionCount();
        TfheParameters[] tfhe = new TfheParameters[count];
        java.io.ByteArrayOutputStream described = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            tfhe[i] = parameters.pbs(i).toTfheParameters();
            described.writeBytes(TfheArtifacts.write(tfhe[i]));
        }
        Path entry = folder.resolve("partitions-" + name(described.toByteArray()));
        String[] clientFiles = new String[count];
        String[] serverFiles = new String[count];
        for (int i = 0; i < count; i++) {
            clientFiles[i] = CLIENT_KEY + "-" + i;
            serverFiles[i] = SERVER_KEY + "-" + i;
        }
        if (!Files.exists(entry)) {
            ClientKey[] secret = PartitionKeys.secretKeys(parameters);
            SeededServerKey[] server = PartitionKeys.serverKeys(secret);
            String[] files = new String[2 * count];
            byte[][] contents = new byte[2 * count][];
            for (int i = 0; i < count; i++) {
                files[i] = clientFiles[i];
                contents[i] = TfheArtifacts.write(secret[i]);
                files[count + i] = serverFiles[i];
                contents[count + i] = TfheArtifacts.write(server[i]);
            }
            if (publish(entry, files, contents)) {
                return ClientKeys.partitioned(parameters, secret, server, nonce(contents[0]));
            }
        }
        ClientKey[] secret = new ClientKey[count];
        SeededServerKey[] server = new SeededServerKey[count];
        byte[] first = null;
        for (int i = 0; i < count; i++) {
            byte[] clientBytes = read(entry, clientFiles[i]);
            first = i == 0 ? clientBytes : first;
            secret[i] = parse(entry, clientFiles[i], clientBytes, TfheArtifacts::readClientKey);
            server[i] = parse(entry, serverFiles[i], read(entry, serverFiles[i]), TfheArtifacts::readSeededServerKey);
            if (!secret[i].parameters().equals(tfhe[i]) || !server[i].parameters().equals(tfhe[i])) {
                throw new KeyCacheException(entry, "its keys of partition " + i + " are of other parameters than "
                        + tfhe[i], null);
            }
        }
        ClientKeys keys = ClientKeys.partitioned(parameters, secret, server, nonce(first));
        for (int i = 0; i < count; i++) {
            if (!belongTogether(secret[i], keys.serverKeys().get(i))
                    || !java.util.Arrays.equals(secret[i].bigLweKey().coefficients(), keys.encryptionKey().coefficients())) {
                throw new KeyCacheException(entry, "its keys of partition " + i + " were not made from its "
                        + clientFiles[i] + " and the shared GLWE key (the keys of two key sets are mixed)", null);
            }
        }
        return keys;
    }

    /** The LWE key of a circuit without bootstraps, loaded, or generated and stored. */
    ClientKeys leveled(CircuitParameters.Leveled parameters, Supplier<LweSecretKey> generate) {
        int dimension = parameters.lwe().lweDimension();
        Path entry = folder.resolve("lwe-" + dimension);
        if (!Files.exists(entry)) {
            LweSecretKey key = generate.get();
            byte[] bytes = TfheArtifacts.write(key);
            if (publish(entry, new String[] {SECRET_KEY}, new byte[][] {bytes})) {
                return ClientKeys.leveled(parameters, key, nonce(bytes));
            }
        }
        byte[] bytes = read(entry, SECRET_KEY);
        LweSecretKey key = parse(entry, SECRET_KEY, bytes, TfheArtifacts::readLweSecretKey);
        if (key.dimension().value() != dimension) {
            throw new KeyCacheException(entry, "its " + SECRET_KEY + " has dimension " + key.dimension().value()
                    + ", not " + dimension, null);
        }
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

    /**
     * Whether the server key's keyswitch key encrypts, under the client's small key, the bits of the client's big
     * key: the first level of {@link #BINDING_CHECKS} rows decrypts to key bits only for keys of one set.
     */
    static boolean belongTogether(ClientKey client, ServerKey server) {
        LweKeyswitchKey keyswitch = server.keyswitchKey();
        long[] big = client.bigLweKey().coefficients();
        LweSecretKey small = client.smallLweKey();
        if (keyswitch.inputDimension().value() != big.length
                || keyswitch.outputDimension().value() != small.dimension().value()) {
            return false;
        }
        int shift = 64 - keyswitch.baseLog().value();
        for (int i = 0; i < Math.min(BINDING_CHECKS, big.length); i++) {
            LweCiphertext row = new LweCiphertext(keyswitch.outputDimension(), keyswitch.data(), keyswitch.offsetOf(i, 0));
            long phase = LweEncryption.decryptPhase(small, row);
            long digit = (phase + (1L << (shift - 1))) >>> shift;
            if (digit != big[i]) {
                return false;
            }
        }
        return true;
    }

    private static <T> T parse(Path entry, String file, byte[] bytes, Function<byte[], T> reader) {
        try {
            return reader.apply(bytes);
        } catch (RuntimeException e) {
            throw new KeyCacheException(entry, "its " + file + " is damaged (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] read(Path entry, String file) {
        try {
            return Files.readAllBytes(entry.resolve(file));
        } catch (NoSuchFileException e) {
            throw new KeyCacheException(entry, "its " + file + " is missing", e);
        } catch (IOException e) {
            throw new KeyCacheException(entry, "its " + file + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Writes the files into a fresh temporary folder, then renames it to {@code entry} in one step. Returns false
     * when another writer published the entry first (its keys are then the cache's); the temporary folder is removed
     * either way.
     */
    private boolean publish(Path entry, String[] names, byte[][] contents) {
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempDirectory(folder, "." + entry.getFileName() + ".");
            for (int i = 0; i < names.length; i++) {
                Files.write(temporary.resolve(names[i]), contents[i]);
            }
            Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (FileSystemException e) {
            if (Files.isDirectory(entry)) {
                return false;
            }
            throw new KeyCacheException(entry, "it cannot be written (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new KeyCacheException(entry, "it cannot be written (" + e.getMessage() + ")", e);
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // a leftover temporary folder holds no entry and is never read
                }
            });
        } catch (IOException e) {
            // same
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
}

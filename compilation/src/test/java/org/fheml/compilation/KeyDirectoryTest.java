package org.fheml.compilation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.fheml.tfhe.serialization.ArtifactHeader;
import org.fheml.tfhe.serialization.ArtifactType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys saved in a key directory come back as the same key set; the secret key file is encrypted under a
 * passphrase, or, opted into explicitly, plain but owner-only; a wrong passphrase, a damaged file, the wrong
 * protection, keys of another circuit or too-open permissions are each refused with a typed error.
 */
class KeyDirectoryTest {

    private static final char[] PASSPHRASE = "tant que je respire, j'espère".toCharArray();

    private static ClientCircuit circuit;
    private static Circuit compiled;

    @TempDir
    Path dir;

    @BeforeAll
    static void compile() {
        compiled = Compiler.of(Map.of("x", Encryption.ENCRYPTED), in -> in.get("x").matmul(new long[][] {{1}, {2}}))
                .inputShape("x", 2).compile(new long[][] {{0, 0}, {15, 15}});
        circuit = ClientCircuit.of(compiled);
    }

    @Test
    void passphraseKeysReloadAndDecryptWhatTheyEncrypted() throws IOException {
        Path keys = dir.resolve("keys");
        ClientKeySet created = KeyDirectory.create(keys, circuit, KeyProtection.passphrase(PASSPHRASE));
        byte[] stored = Files.readAllBytes(keys.resolve(KeyDirectory.SECRET_KEYS));
        assertEquals(ArtifactType.PASSPHRASE_ENCRYPTED, ArtifactHeader.peek(stored, null).type());
        assertFalse(contains(stored, created.secretKeys()), "the secret key is not stored in the clear");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                keys.resolve(KeyDirectory.SECRET_KEYS))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));

        ClientKeySet loaded = KeyDirectory.load(keys, circuit, KeyProtection.passphrase(PASSPHRASE));
        assertEquals(created.keySetId(), loaded.keySetId());
        assertArrayEquals(created.evaluationKeys(), loaded.evaluationKeys());
        long[] x = {9, 4};
        byte[] results;
        try (ServerCircuit server = ServerBundle.of(compiled, "m").open(loaded.evaluationKeys(), 1)) {
            results = server.run(circuit.encrypt(created, x));
        }
        assertArrayEquals(compiled.evaluate(x), circuit.decrypt(loaded, results));
        assertEquals(created.keySetId(), KeyDirectory.loadOrCreate(keys, circuit,
                KeyProtection.passphrase(PASSPHRASE)).keySetId());
        assertThrows(BundleException.class, () -> KeyDirectory.create(keys, circuit,
                KeyProtection.passphrase(PASSPHRASE)), "keys are never overwritten");
    }

    @Test
    void aWrongPassphraseIsATypedError() {
        KeyDirectory.create(dir, circuit, KeyProtection.passphrase(PASSPHRASE));
        WrongPassphraseException e = assertThrows(WrongPassphraseException.class,
                () -> KeyDirectory.load(dir, circuit, KeyProtection.passphrase("tant que je respire".toCharArray())));
        assertTrue(e.getMessage().contains("passphrase"), e.getMessage());
    }

    @Test
    void damagedFilesAreBundleExceptionsNotWrongPassphrases() throws IOException {
        KeyDirectory.create(dir, circuit, KeyProtection.passphrase(PASSPHRASE));
        for (String name : new String[] {KeyDirectory.SECRET_KEYS, KeyDirectory.EVALUATION_KEYS}) {
            Path file = dir.resolve(name);
            byte[] good = Files.readAllBytes(file);
            for (int at : new int[] {0, 7, good.length / 2, good.length - 20, good.length - 1}) {
                byte[] bad = good.clone();
                bad[at] ^= 0x04;
                Files.write(file, bad);
                BundleException e = assertThrows(BundleException.class, () -> KeyDirectory.load(dir, circuit,
                        KeyProtection.passphrase(PASSPHRASE)), name + " byte " + at);
                assertFalse(e instanceof WrongPassphraseException, name + " byte " + at + ": " + e.getMessage());
            }
            Files.write(file, good);
        }
        Files.delete(dir.resolve(KeyDirectory.EVALUATION_KEYS));
        assertThrows(BundleException.class, () -> KeyDirectory.load(dir, circuit, KeyProtection.passphrase(PASSPHRASE)));
    }

    @Test
    void theUnencryptedOptOutIsOwnerOnlyAndRefusesOpenPermissions() throws IOException {
        ClientKeySet created = KeyDirectory.create(dir, circuit, KeyProtection.unencryptedOwnerOnly());
        Path secret = dir.resolve(KeyDirectory.SECRET_KEYS);
        assertArrayEquals(created.secretKeys(), Files.readAllBytes(secret));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        assertEquals(created.keySetId(), KeyDirectory.load(dir, circuit, KeyProtection.unencryptedOwnerOnly())
                .keySetId());
        assertThrows(BundleException.class, () -> KeyDirectory.load(dir, circuit,
                KeyProtection.passphrase(PASSPHRASE)), "stored without a passphrase");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        BundleException open = assertThrows(BundleException.class, () -> KeyDirectory.load(dir, circuit,
                KeyProtection.unencryptedOwnerOnly()));
        assertTrue(open.getMessage().contains("chmod 600"), open.getMessage());
    }

    @Test
    void encryptedKeysAskForTheirPassphrase() {
        KeyDirectory.create(dir, circuit, KeyProtection.passphrase(PASSPHRASE));
        assertThrows(BundleException.class, () -> KeyDirectory.load(dir, circuit,
                KeyProtection.unencryptedOwnerOnly()));
        assertThrows(IllegalArgumentException.class, () -> KeyProtection.passphrase(new char[0]));
        assertThrows(IllegalArgumentException.class, () -> new KeyProtection.Passphrase(PASSPHRASE, 1000));
    }

    @Test
    void keysOfAnotherCircuitAreRefused() {
        Circuit wider = Compiler.of(Map.of("x", Encryption.ENCRYPTED), in -> in.get("x").matmul(new long[][] {{1}, {2}}))
                .inputShape("x", 2).compile(new long[][] {{0, 0}, {1 << 12, 1 << 12}});
        ClientCircuit other = ClientCircuit.of(wider);
        assertNotEquals(circuit.parameters(), other.parameters());
        KeyDirectory.create(dir, other, KeyProtection.unencryptedOwnerOnly());
        BundleException e = assertThrows(BundleException.class, () -> KeyDirectory.load(dir, circuit,
                KeyProtection.unencryptedOwnerOnly()));
        assertTrue(e.getMessage().contains("another model"), e.getMessage());
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

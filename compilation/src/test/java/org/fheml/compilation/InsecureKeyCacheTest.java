package org.fheml.compilation;

import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsecureKeyCacheTest {

    private static Circuit compile(Path cache) {
        return Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").multiply(3).relu())
                .compile(new long[][] {{-4}, {3}}, CompileOptions.defaults().withInsecureKeyCache(cache));
    }

    @Test
    void aSecondCircuitReusesTheCachedKeys(@TempDir Path cache) throws IOException {
        Circuit first = compile(cache);
        byte[] keys = first.evaluationKeys();
        try (var files = Files.list(cache)) {
            assertEquals(2, files.count(), "a client key and a server key");
        }
        Circuit second = compile(cache);
        assertArrayEquals(keys, second.evaluationKeys(), "the same server key, read back");
        assertArrayEquals(first.evaluate(new long[] {2}), second.decrypt(first.run(first.encrypt(new long[] {2}))),
                "one circuit's ciphertexts decrypt under the other's key: they share it");
    }

    @Test
    void aDamagedEntryIsReplacedByFreshKeys(@TempDir Path cache) throws IOException {
        compile(cache).keygen();
        List<Path> entries;
        try (var files = Files.list(cache)) {
            entries = files.toList();
        }
        for (Path entry : entries) {
            Files.write(entry, new byte[] {1, 2, 3});
        }
        Circuit circuit = compile(cache);
        assertArrayEquals(circuit.evaluate(new long[] {-1}), circuit.encryptRunDecrypt(new long[] {-1}));
        assertTrue(Files.size(entries.getFirst()) > 3, "the entry was rewritten");
    }

    @Test
    void leveledCircuitsCacheTheirKeyToo(@TempDir Path cache) {
        Circuit first = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").add(1))
                .compile(new long[][] {{0}, {7}}, CompileOptions.defaults().withInsecureKeyCache(cache));
        Circuit second = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").add(1))
                .compile(new long[][] {{0}, {7}}, CompileOptions.defaults().withInsecureKeyCache(cache));
        assertArrayEquals(new long[] {6}, second.decrypt(first.run(first.encrypt(new long[] {5}))));
    }
}

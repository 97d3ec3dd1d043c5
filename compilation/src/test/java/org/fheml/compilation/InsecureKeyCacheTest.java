package org.fheml.compilation;

import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The insecure key cache reuses keys, never overwrites or regenerates an entry, and reports every damage. */
class InsecureKeyCacheTest {

    private static final Circuit LOOKUP = TestCircuits.lookup();

    /** The lookup circuit on tiny insecure parameters, with its keys cached in {@code cache}. */
    private static Circuit compile(Path cache) {
        return TestCircuits.insecure(LOOKUP, CompileOptions.defaults().withInsecureKeyCache(cache));
    }

    private static Path onlyEntry(Path cache) throws IOException {
        try (var entries = Files.list(cache)) {
            List<Path> all = entries.toList();
            assertEquals(1, all.size(), "one entry, no temporary folder left: " + all);
            return all.getFirst();
        }
    }

    @Test
    void aSecondCircuitReusesTheCachedKeys(@TempDir Path cache) throws IOException {
        Circuit first = compile(cache);
        byte[] keys = first.evaluationKeys();
        try (var files = Files.list(onlyEntry(cache))) {
            assertEquals(List.of(InsecureKeyCache.CLIENT_KEY, InsecureKeyCache.SERVER_KEY),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        Circuit second = compile(cache);
        assertArrayEquals(keys, second.evaluationKeys(), "the same server key, read back");
        long[] x = {1, 2, 3, 4, 5, 6, 7, 0};
        assertArrayEquals(first.evaluate(x), second.decrypt(first.run(first.encrypt(x))),
                "one circuit's ciphertexts decrypt under the other's key: they share it");
    }

    /** Each file of an entry, damaged three ways in turn: each time an error names it and it stays as it was. */
    @Test
    void damagingEachKeyFileIsReportedAndTheFileIsKept(@TempDir Path cache) throws IOException {
        byte[] keys = compile(cache).evaluationKeys();
        Path entry = onlyEntry(cache);
        List<UnaryOperator<byte[]>> damages = List.of(
                bytes -> java.util.Arrays.copyOf(bytes, bytes.length / 2),
                bytes -> {
                    byte[] flipped = bytes.clone();
                    flipped[flipped.length / 2] ^= 0x10;
                    return flipped;
                },
                bytes -> new byte[0]);
        for (String name : List.of(InsecureKeyCache.CLIENT_KEY, InsecureKeyCache.SERVER_KEY)) {
            Path file = entry.resolve(name);
            byte[] original = Files.readAllBytes(file);
            for (UnaryOperator<byte[]> damage : damages) {
                byte[] damaged = damage.apply(original);
                Files.write(file, damaged);
                KeyCacheException error = assertThrows(KeyCacheException.class, () -> compile(cache).keygen());
                assertTrue(error.getMessage().contains("its " + name + " is damaged"), error.getMessage());
                assertEquals(entry, error.entry());
                assertArrayEquals(damaged, Files.readAllBytes(file), name + " was rewritten");
                assertEquals(entry, onlyEntry(cache), "nothing regenerated beside it");
            }
            Files.write(file, original);
        }
        assertArrayEquals(keys, compile(cache).evaluationKeys(), "the restored entry serves the original keys");
    }

    @Test
    void aMissingKeyFileIsReportedAndNothingIsRegenerated(@TempDir Path cache) throws IOException {
        compile(cache).keygen();
        Path entry = onlyEntry(cache);
        byte[] client = Files.readAllBytes(entry.resolve(InsecureKeyCache.CLIENT_KEY));
        Files.delete(entry.resolve(InsecureKeyCache.SERVER_KEY));
        KeyCacheException error = assertThrows(KeyCacheException.class, () -> compile(cache).keygen());
        assertTrue(error.getMessage().contains("its server-key is missing"), error.getMessage());
        assertArrayEquals(client, Files.readAllBytes(entry.resolve(InsecureKeyCache.CLIENT_KEY)));
        assertTrue(Files.notExists(entry.resolve(InsecureKeyCache.SERVER_KEY)), "no server key was made up");
    }

    @Test
    void anEntryThatMixesTwoKeySetsIsReported(@TempDir Path one, @TempDir Path other) throws IOException {
        compile(one).keygen();
        compile(other).keygen();
        Path entry = onlyEntry(one);
        byte[] foreign = Files.readAllBytes(onlyEntry(other).resolve(InsecureKeyCache.SERVER_KEY));
        Files.write(entry.resolve(InsecureKeyCache.SERVER_KEY), foreign);
        KeyCacheException error = assertThrows(KeyCacheException.class, () -> compile(one).keygen());
        assertTrue(error.getMessage().contains("the keys of two key sets are mixed"), error.getMessage());
        assertArrayEquals(foreign, Files.readAllBytes(entry.resolve(InsecureKeyCache.SERVER_KEY)));
    }

    /** Six circuits generate keys into one empty cache at once: one entry is published and all six use it. */
    @Test
    void racingWritersAgreeOnOneKeySet(@TempDir Path cache) throws Exception {
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CyclicBarrier start = new CyclicBarrier(writers);
            List<Future<Circuit>> circuits = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                circuits.add(pool.submit(() -> {
                    Circuit circuit = compile(cache);
                    start.await();
                    circuit.keygen();
                    return circuit;
                }));
            }
            List<Circuit> done = new ArrayList<>();
            for (Future<Circuit> future : circuits) {
                done.add(future.get());
            }
            byte[] published = Files.readAllBytes(onlyEntry(cache).resolve(InsecureKeyCache.SERVER_KEY));
            for (Circuit circuit : done) {
                assertArrayEquals(published, EvaluationKeysCodec.read(circuit.evaluationKeys()).serverKey(),
                        "every circuit holds the published key set");
                assertEquals(done.getFirst().keygen().keySetId(), circuit.keygen().keySetId(),
                        "every circuit has the published key set's id");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void leveledCircuitsCacheTheirKeyToo(@TempDir Path cache) {
        Circuit first = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").add(1))
                .compile(new long[][] {{0}, {7}}, CompileOptions.defaults().withInsecureKeyCache(cache));
        Circuit second = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").add(1))
                .compile(new long[][] {{0}, {7}}, CompileOptions.defaults().withInsecureKeyCache(cache));
        assertArrayEquals(new long[] {6}, second.decrypt(first.run(first.encrypt(new long[] {5}))));
    }

    @Test
    void aDamagedLeveledKeyIsReportedAndKept(@TempDir Path cache) throws IOException {
        Compiler compiler = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").add(1));
        compiler.compile(new long[][] {{0}, {7}}, CompileOptions.defaults().withInsecureKeyCache(cache)).keygen();
        Path file = onlyEntry(cache).resolve(InsecureKeyCache.SECRET_KEY);
        byte[] damaged = java.util.Arrays.copyOf(Files.readAllBytes(file), 40);
        Files.write(file, damaged);
        KeyCacheException error = assertThrows(KeyCacheException.class, () -> compiler
                .compile(new long[][] {{0}, {7}}, CompileOptions.defaults().withInsecureKeyCache(cache)).keygen());
        assertTrue(error.getMessage().contains("its secret-key is damaged"), error.getMessage());
        assertArrayEquals(damaged, Files.readAllBytes(file));
    }
}

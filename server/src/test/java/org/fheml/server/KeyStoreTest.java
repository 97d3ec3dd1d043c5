package org.fheml.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreTest {

    @TempDir
    Path dir;

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static final Function<byte[], byte[]> ACCEPT = b -> b;

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void storesUnderTheDigestAndReadsBackTheSameBytesAfterARestart() throws IOException {
        byte[] keys = bytes(300_000, 1);
        KeyStore store = new KeyStore(dir, 1 << 30);
        KeyStore.Stored<byte[]> stored = store.put(new ByteArrayInputStream(keys), 1 << 20, ACCEPT);
        assertTrue(stored.created());
        assertEquals(CircuitModel.sha256(keys), stored.keyId());
        assertArrayEquals(keys, stored.checked());
        assertEquals(List.of(stored.keyId() + ".keys"), files());

        KeyStore reopened = new KeyStore(dir, 1 << 30);
        assertTrue(reopened.contains(stored.keyId()));
        assertArrayEquals(keys, reopened.read(stored.keyId()).orElseThrow());
        assertEquals(keys.length, reopened.bytesUsed());
        assertEquals(1, reopened.count());
        KeyStore.Stored<byte[]> again = reopened.put(new ByteArrayInputStream(keys), 1 << 20, ACCEPT);
        assertFalse(again.created(), "the same keys uploaded twice are stored once");
        assertEquals(stored.keyId(), again.keyId());
        assertEquals(keys.length, reopened.bytesUsed());
    }

    @Test
    void refusedKeysLeaveNothingBehind() throws IOException {
        KeyStore store = new KeyStore(dir, 1 << 30);
        ApiException e = assertThrows(ApiException.class, () -> store.put(new ByteArrayInputStream(bytes(1000, 2)),
                1 << 20, b -> {
                    throw new ApiException(422, "invalid_keys", "not this model's keys");
                }));
        assertEquals(422, e.status());
        assertEquals(List.of(), files());
        assertEquals(0, store.bytesUsed());
    }

    @Test
    void aClientThatDisconnectsMidUploadLeavesNothingBehind() throws IOException {
        KeyStore store = new KeyStore(dir, 1 << 30);
        InputStream broken = new InputStream() {
            int left = 200_000;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("Connection reset by peer");
                }
                return 7;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    throw new IOException("Connection reset by peer");
                }
                int n = Math.min(len, Math.min(left, 4096));
                java.util.Arrays.fill(b, off, off + n, (byte) 7);
                left -= n;
                return n;
            }
        };
        ApiException e = assertThrows(ApiException.class, () -> store.put(broken, 1 << 20, ACCEPT));
        assertEquals(400, e.status());
        assertEquals("truncated_body", e.code());
        assertEquals(List.of(), files());
    }

    @Test
    void aFullDiskGives507AndLosesNothingStoredBefore() throws IOException {
        byte[] first = bytes(50_000, 3);
        KeyStore healthy = new KeyStore(dir, 1 << 30);
        String firstId = healthy.put(new ByteArrayInputStream(first), 1 << 20, ACCEPT).keyId();
        // the same folder through a file system that fails after 64 KiB, as a full disk does
        KeyStore full = new KeyStore(dir, 1 << 30, file -> new FilterOutputStream(Files.newOutputStream(file)) {
            long written;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 64 << 10) {
                    throw new IOException("No space left on device");
                }
                out.write(b, off, len);
            }
        });
        ApiException e = assertThrows(ApiException.class, () -> full.put(new ByteArrayInputStream(bytes(500_000, 4)),
                1 << 20, ACCEPT));
        assertEquals(507, e.status());
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertEquals(List.of(firstId + ".keys"), files(), "only the earlier, complete key set is there");
        assertArrayEquals(first, full.read(firstId).orElseThrow());
    }

    @Test
    void theQuotaGives507BeforeTheDiskFills() throws IOException {
        KeyStore store = new KeyStore(dir, 100_000);
        store.put(new ByteArrayInputStream(bytes(60_000, 5)), 1 << 20, ACCEPT);
        ApiException e = assertThrows(ApiException.class, () -> store.put(new ByteArrayInputStream(bytes(60_000, 6)),
                1 << 20, ACCEPT));
        assertEquals(507, e.status());
        assertEquals("key_store_full", e.code());
        assertEquals(1, store.count());
        assertEquals(1, files().size());
    }

    @Test
    void anUploadOverTheLimitGives413() throws IOException {
        KeyStore store = new KeyStore(dir, 1 << 30);
        ApiException e = assertThrows(ApiException.class, () -> store.put(new ByteArrayInputStream(bytes(70_000, 7)),
                65_536, ACCEPT));
        assertEquals(413, e.status());
        assertEquals(List.of(), files());
    }

    @Test
    void partFilesOfAKilledServerAreRemovedAtStartAndNeverRead() throws IOException {
        Files.write(dir.resolve(".upload-1234.part"), bytes(100, 8));
        String forged = CircuitModel.sha256(new byte[] {1});
        KeyStore store = new KeyStore(dir, 1 << 30);
        assertEquals(List.of(), files());
        assertFalse(store.contains(forged));
        assertTrue(store.read(forged).isEmpty());
    }

    @Test
    void keyIdsThatCouldNameOtherFilesAreRefused() throws IOException {
        KeyStore store = new KeyStore(dir, 1 << 30);
        for (String bad : new String[] {"../etc/passwd", "", "ABC", "0".repeat(63), "g".repeat(64)}) {
            ApiException e = assertThrows(ApiException.class, () -> store.read(bad));
            assertEquals(400, e.status());
            assertFalse(store.contains(bad));
        }
    }
}

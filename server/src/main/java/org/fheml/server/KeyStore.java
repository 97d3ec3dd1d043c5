package org.fheml.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The clients' evaluation keys on disk, one file per key set named by its key id, the hexadecimal SHA-256 of the
 * uploaded bytes. An upload is streamed into a hidden part file in the store's own folder while it is digested,
 * forced to disk, checked, and only then renamed atomically to its final name: a reader sees a complete, checked
 * key file or none, whatever happens to the upload (a client that disconnects, a full disk, a server killed
 * mid-way). Part files left by a killed server are removed when a store is opened. The store survives restarts:
 * its files are its state.
 *
 * <p>Thread-safe: uploads stream concurrently; the quota is checked while streaming and again at the rename.
 */
public final class KeyStore {

    /** Opens the stream a part file is written through; tests substitute one that fails like a full disk. */
    @FunctionalInterface
    interface SpoolOpener {
        OutputStream open(Path file) throws IOException;
    }

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{64}");
    private static final String SUFFIX = ".keys";
    private static final String PART_PREFIX = ".upload-";
    private static final String PART_SUFFIX = ".part";
    private static final int BUFFER = 1 << 16;

    private final Path dir;
    private final long quotaBytes;
    private final SpoolOpener opener;
    private final AtomicLong used = new AtomicLong();
    private final Object commitLock = new Object();

    /** Opens (creating if needed) the store in {@code dir}, which may hold at most {@code quotaBytes} of keys. */
    public KeyStore(Path dir, long quotaBytes) throws IOException {
        this(dir, quotaBytes, file -> Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
    }

    KeyStore(Path dir, long quotaBytes, SpoolOpener opener) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.quotaBytes = quotaBytes;
        this.opener = opener;
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(PART_PREFIX) && name.endsWith(PART_SUFFIX)) {
                    Files.deleteIfExists(file);
                } else if (isKeyFile(name)) {
                    total += Files.size(file);
                }
            }
        }
        used.set(total);
    }

    /**
     * What an upload became: its key id, whether it was new, and what the check returned (null when the keys were
     * stored already: they were checked when they first came).
     */
    public record Stored<T>(String keyId, boolean created, T checked) {
    }

    /**
     * Streams an upload into the store.
     *
     * @param body     the upload; read to its end
     * @param maxBytes the largest upload accepted (413 past it)
     * @param check    called with the complete bytes before they become visible; it throws to refuse them
     *                 (an {@link ApiException} goes back to the client as it is)
     * @throws ApiException 400 for a truncated upload, 408 for a client too slow, 413 for one too large, 507 when
     *                      the disk or the quota is full; in every case nothing is left behind
     */
    public <T> Stored<T> put(InputStream body, long maxBytes, Function<byte[], T> check) {
        Path part = dir.resolve(PART_PREFIX + UUID.randomUUID() + PART_SUFFIX);
        try {
            MessageDigest sha = sha256();
            long size = spool(body, part, maxBytes, sha);
            if (size == 0) {
                throw new ApiException(400, "empty_upload", "The upload has no bytes: send the evaluation keys "
                        + "your client generated.");
            }
            String id = HexFormat.of().formatHex(sha.digest());
            Path target = keyFile(id);
            if (Files.exists(target)) {
                return new Stored<>(id, false, null);
            }
            T checked = check.apply(Files.readAllBytes(part));
            synchronized (commitLock) {
                if (Files.exists(target)) {
                    return new Stored<>(id, false, checked);
                }
                if (used.get() + size > quotaBytes) {
                    throw quotaFull(size);
                }
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                used.addAndGet(size);
            }
            return new Stored<>(id, true, checked);
        } catch (IOException e) {
            throw storageFailure(e);
        } finally {
            deleteQuietly(part);
        }
    }

    /** The stored bytes of a key set, or empty when no key set has that id. */
    public Optional<byte[]> read(String keyId) {
        requireKeyId(keyId);
        try {
            return Optional.of(Files.readAllBytes(keyFile(keyId)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ApiException(500, "key_store_unreadable", "The key store could not read key set " + keyId
                    + ": " + e.getMessage() + ".", e);
        }
    }

    public boolean contains(String keyId) {
        return isKeyId(keyId) && Files.isRegularFile(keyFile(keyId));
    }

    /** Key sets on disk. */
    public int count() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            int n = 0;
            for (Path file : files) {
                n += isKeyFile(file.getFileName().toString()) ? 1 : 0;
            }
            return n;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Bytes of key files on disk. */
    public long bytesUsed() {
        return used.get();
    }

    public Path directory() {
        return dir;
    }

    /** Whether {@code value} has the form of a key id (64 lowercase hexadecimal digits). */
    public static boolean isKeyId(String value) {
        return value != null && KEY_ID.matcher(value).matches();
    }

    /** Refuses, with a 400, a value that is not a key id (so that it can never name another file). */
    public static void requireKeyId(String value) {
        if (!isKeyId(value)) {
            throw new ApiException(400, "bad_key_id", "A key id is the 64 hexadecimal digits PUT /v1/keys returned, "
                    + "got " + (value == null ? "none" : "'" + abbreviate(value) + "'") + ".");
        }
    }

    private long spool(InputStream body, Path part, long maxBytes, MessageDigest sha) throws IOException {
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try (OutputStream out = opener.open(part)) {
            while (true) {
                int n = readFromClient(body, buffer);
                if (n < 0) {
                    break;
                }
                size += n;
                if (size > maxBytes) {
                    throw new ApiException(413, "upload_too_large", "The upload is larger than the " + maxBytes
                            + " bytes this server accepts for evaluation keys.");
                }
                if (used.get() + size > quotaBytes) {
                    throw quotaFull(size);
                }
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return size;
    }

    /** One read from the client; a failing client is a 4xx, kept apart from the store's own write failures. */
    static int readFromClient(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw clientReadFailure(e);
        }
    }

    /** The 4xx for a body that could not be read to its end: 408 when the client went silent, else 400. */
    static ApiException clientReadFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return new ApiException(408, "client_too_slow", "The request body stopped arriving before its "
                        + "end: the server waits a bounded time for each part of a body. Send it faster.", e);
            }
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ApiException(400, "truncated_body", "The request body ended before it was complete ("
                + detail + "); nothing of it was kept. Send it again.", e);
    }

    private ApiException quotaFull(long size) {
        return new ApiException(507, "key_store_full", "The key store is full: it holds " + used.get()
                + " bytes of its " + quotaBytes + " byte quota and this upload needs " + size + " more. Nothing "
                + "was stored; ask the operator to raise the quota or remove old key sets.");
    }

    private ApiException storageFailure(IOException e) {
        return new ApiException(507, "key_store_write_failed", "The key store could not write the keys ("
                + e.getMessage() + "): the disk may be full. Nothing was stored; retry later.", e);
    }

    private Path keyFile(String id) {
        return dir.resolve(id + SUFFIX);
    }

    private static boolean isKeyFile(String name) {
        return name.endsWith(SUFFIX) && isKeyId(name.substring(0, name.length() - SUFFIX.length()));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a part file that cannot be deleted is invisible to readers and removed at the next start
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}

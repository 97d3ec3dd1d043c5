package org.fheml.compilation;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Function;
import org.fheml.tfhe.serialization.ArtifactException;

/**
 * Reading and writing the single-artifact files of bundles and key folders: reads bounded by the largest artifact
 * an array holds, writes made atomic (a temporary file in the same folder, then a rename), every failure a
 * {@link BundleException} naming the file.
 */
public final class BundleFiles {

    /** The largest file read whole: an artifact is one Java array. */
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 64;

    private BundleFiles() {
    }

    /**
     * Reads {@code dir/name} and parses it.
     *
     * @param what what the file is, for messages ("server bundle")
     * @throws BundleException when it is missing, too large, unreadable, or the parser refuses it
     */
    public static <T> T read(Path dir, String name, String what, Function<byte[], T> parser) {
        Path file = dir.resolve(name);
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new BundleException(file, "The " + what + " " + file + " has " + size + " bytes, more than any "
                        + "artifact holds: it is not an fheml " + what + ".", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BundleException(file, "There is no " + what + " at " + file + ": give the folder that "
                    + "save(...) wrote.", e);
        } catch (IOException e) {
            throw new BundleException(file, "The " + what + " " + file + " cannot be read: " + e.getMessage(), e);
        }
        try {
            return parser.apply(bytes);
        } catch (BundleException e) {
            throw e;
        } catch (ArtifactException e) {
            throw new BundleException(file, "The " + what + " " + file + " cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code dir/name} atomically, creating the folder; with {@code ownerOnly}, the file is created readable
     * and writable by its owner only (POSIX), before any byte is written.
     *
     * @throws BundleException when it cannot be written (or, with ownerOnly, the file system has no POSIX
     *                         permissions)
     */
    public static void write(Path dir, String name, byte[] bytes, boolean ownerOnly) {
        Path file = dir.resolve(name);
        Path temporary = null;
        try {
            Files.createDirectories(dir);
            FileAttribute<?>[] attributes = ownerOnly ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                    Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))} : new FileAttribute<?>[0];
            temporary = Files.createTempFile(dir, "." + name + ".", ".tmp", attributes);
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (UnsupportedOperationException e) {
            throw new BundleException(file, "Cannot write " + file + " readable by its owner only: the file system "
                    + "has no POSIX permissions. Protect the keys with a passphrase instead.", e);
        } catch (FileAlreadyExistsException e) {
            throw new BundleException(file, "Cannot write " + file + ": " + e.getMessage() + " exists and is not a "
                    + "folder.", e);
        } catch (IOException e) {
            throw new BundleException(file, "Cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // a leftover temporary file is never read
                }
            }
        }
    }
}

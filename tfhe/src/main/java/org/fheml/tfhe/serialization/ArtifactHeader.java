package org.fheml.tfhe.serialization;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The header every fheml artifact starts with: the magic bytes "FHEML", the format version, the version of the
 * library that wrote it, and the type of what follows.
 */
record ArtifactHeader(int formatVersion, String libraryVersion, ArtifactType type) {

    static final byte[] MAGIC = {'F', 'H', 'E', 'M', 'L'};
    static final int FORMAT_VERSION = 1;

    static void write(DataOutputStream out, ArtifactType type) throws IOException {
        out.write(MAGIC);
        out.writeShort(FORMAT_VERSION);
        out.writeUTF(currentLibraryVersion());
        out.writeShort(type.tag());
    }

    /** Reads and checks the header: an fheml artifact of this format version and of the expected type. */
    static ArtifactHeader read(DataInputStream in, ArtifactType expected) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new ArtifactException("Not an fheml artifact: it does not start with \"FHEML\".");
        }
        int version = in.readUnsignedShort();
        String writer = in.readUTF();
        if (version != FORMAT_VERSION) {
            throw new ArtifactException("Artifact format version " + version + " (written by fheml " + writer
                    + ") is not the version " + FORMAT_VERSION + " this fheml (" + currentLibraryVersion() + ") reads.");
        }
        ArtifactType type = ArtifactType.ofTag(in.readUnsignedShort());
        if (type != expected) {
            throw new ArtifactException("Expected an artifact of type " + expected + ", found " + type + ".");
        }
        return new ArtifactHeader(version, writer, type);
    }

    /** The type a header of this format version names, or null when the bytes do not start with one. */
    static ArtifactType peekType(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC) || in.readUnsignedShort() != FORMAT_VERSION) {
                return null;
            }
            in.readUTF();
            return ArtifactType.ofTag(in.readUnsignedShort());
        } catch (IOException | ArtifactException e) {
            return null;
        }
    }

    static String currentLibraryVersion() {
        String version = ArtifactHeader.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}

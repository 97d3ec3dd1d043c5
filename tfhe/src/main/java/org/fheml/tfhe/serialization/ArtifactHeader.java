package org.fheml.tfhe.serialization;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The header every fheml artifact starts with, big-endian: the magic bytes "FHEML", the format version (u16), the
 * version of the library that wrote it (u16 length, UTF-8), the type tag (u16) and the length of the body (u32).
 * The body follows, then a CRC-32C (u32) of header and body.
 *
 * @param formatVersion  the layout version of the container and of the bodies it holds
 * @param libraryVersion the fheml version that wrote the artifact
 * @param type           what the body holds
 * @param bodyLength     bytes of body after the header
 * @param headerLength   bytes of the header itself: where the body starts
 */
public record ArtifactHeader(int formatVersion, String libraryVersion, ArtifactType type, int bodyLength,
        int headerLength) {

    static final byte[] MAGIC = {'F', 'H', 'E', 'M', 'L'};
    /** 2: body length in the header, CRC-32C instead of CRC-32. */
    public static final int FORMAT_VERSION = 2;
    /** Longest library version string a reader accepts, in UTF-8 bytes. */
    static final int MAX_LIBRARY_VERSION_BYTES = 64;
    /** Bytes of the trailing checksum. */
    public static final int CHECKSUM_BYTES = Integer.BYTES;

    /** Offset of the body length field from the end of the header. */
    static final int BODY_LENGTH_BYTES = Integer.BYTES;

    /**
     * Reads and checks the header of {@code bytes} (its checksum is not checked here): an fheml artifact of this
     * format version. {@code expected} only names the artifact in messages when the type cannot be read.
     */
    public static ArtifactHeader peek(byte[] bytes, ArtifactType expected) {
        if (bytes == null) {
            throw new ArtifactException("The " + expected + " artifact is null.");
        }
        return read(new ArtifactReader(ByteBuffer.wrap(bytes), String.valueOf(expected)));
    }

    static ArtifactHeader read(ArtifactReader in) {
        byte[] magic = in.bytes(MAGIC.length, "magic number");
        if (!Arrays.equals(magic, MAGIC)) {
            throw new ArtifactException("Not an fheml artifact: it does not start with \"FHEML\".");
        }
        int version = in.unsignedShort("format version");
        if (version != FORMAT_VERSION) {
            throw new ArtifactException("Artifact format version " + version + " is not the version "
                    + FORMAT_VERSION + " this fheml (" + currentLibraryVersion() + ") reads.");
        }
        String writer = in.string(MAX_LIBRARY_VERSION_BYTES, "writer's library version");
        ArtifactType type = ArtifactType.ofTag(in.unsignedShort("type tag"));
        int bodyLength = in.readInt();
        if (bodyLength < 0) {
            throw new ArtifactException("The " + type + " artifact announces a body of " + (bodyLength & 0xFFFFFFFFL)
                    + " bytes, more than any array holds: it is damaged or forged.");
        }
        return new ArtifactHeader(version, writer, type, bodyLength, in.position());
    }

    static byte[] encode(ArtifactType type, int bodyLength) {
        byte[] library = currentLibraryVersion().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 2 + 2 + library.length + 2 + BODY_LENGTH_BYTES);
        out.put(MAGIC).putShort((short) FORMAT_VERSION).putShort((short) library.length).put(library)
                .putShort((short) type.tag()).putInt(bodyLength);
        return out.array();
    }

    /** The type a header of this format version names, or null when the bytes do not start with one. */
    static ArtifactType peekType(byte[] bytes) {
        try {
            return peek(bytes, null).type();
        } catch (ArtifactException e) {
            return null;
        }
    }

    /** The version of this library, as its jar names it ("development" when run from classes). */
    public static String currentLibraryVersion() {
        String version = ArtifactHeader.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}

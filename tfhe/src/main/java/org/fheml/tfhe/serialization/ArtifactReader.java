package org.fheml.tfhe.serialization;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * Reads the body of an artifact, every read bounded by what remains: a size is checked against the bytes left
 * before anything of that size is allocated, a string against its maximal length and for valid UTF-8. Every
 * failure is an {@link ArtifactException} naming the artifact and what is wrong, never an exception from deep
 * inside. {@link #read} opens an artifact: it checks the checksum, the header and that the body is read exactly.
 */
public final class ArtifactReader {

    private final ByteBuffer buffer;
    private final String name;

    ArtifactReader(ByteBuffer buffer, String name) {
        this.buffer = buffer.order(ByteOrder.BIG_ENDIAN);
        this.name = name;
    }

    /**
     * Checks the CRC-32C, then the header (magic, format version, type, body length), then reads the body with
     * {@code body}, which must consume it exactly. Size errors the body's entities raise
     * ({@link IllegalArgumentException}, {@link ArithmeticException}) become {@link ArtifactException}s.
     */
    public static <T> T read(byte[] bytes, ArtifactType expected, Function<ArtifactReader, T> body) {
        if (bytes == null || bytes.length < ArtifactHeader.CHECKSUM_BYTES) {
            throw new ArtifactException("The " + expected + " artifact is empty or truncated.");
        }
        int length = bytes.length - ArtifactHeader.CHECKSUM_BYTES;
        int stored = ByteBuffer.wrap(bytes, length, ArtifactHeader.CHECKSUM_BYTES).getInt();
        if (stored != checksum(bytes, length)) {
            if (bytes.length >= ArtifactHeader.MAGIC.length
                    && !Arrays.equals(Arrays.copyOf(bytes, ArtifactHeader.MAGIC.length), ArtifactHeader.MAGIC)) {
                throw new ArtifactException("Not an fheml artifact: it does not start with \"FHEML\".");
            }
            int version = bytes.length >= ArtifactHeader.MAGIC.length + 2
                    ? ByteBuffer.wrap(bytes, ArtifactHeader.MAGIC.length, 2).getShort() & 0xFFFF : -1;
            if (version >= 0 && version < ArtifactHeader.FORMAT_VERSION) {
                throw new ArtifactException("The " + expected + " artifact has format version " + version + ", older "
                        + "than the version " + ArtifactHeader.FORMAT_VERSION + " this fheml ("
                        + ArtifactHeader.currentLibraryVersion() + ") reads: write it again with this fheml.");
            }
            throw new ArtifactChecksumException("The " + expected + " artifact is damaged or truncated: its checksum "
                    + "does not match its content.");
        }
        ArtifactReader whole = new ArtifactReader(ByteBuffer.wrap(bytes, 0, length), expected.toString());
        ArtifactHeader header = ArtifactHeader.read(whole);
        if (header.type() != expected) {
            throw new ArtifactException("Expected an artifact of type " + expected + ", found " + header.type() + ".");
        }
        int remaining = whole.remaining();
        if (header.bodyLength() > remaining) {
            throw new ArtifactException("The " + expected + " artifact is truncated: its header announces "
                    + header.bodyLength() + " bytes of body, " + remaining + " remain.");
        }
        if (header.bodyLength() < remaining) {
            throw new ArtifactException("The " + expected + " artifact has " + (remaining - header.bodyLength())
                    + " unexpected bytes after its body: it is damaged or of another kind.");
        }
        ArtifactReader in = new ArtifactReader(ByteBuffer.wrap(bytes, header.headerLength(), header.bodyLength())
                .slice(), expected.toString());
        try {
            T value = body.apply(in);
            if (in.remaining() > 0) {
                throw new ArtifactException("The " + expected + " artifact has " + in.remaining()
                        + " unexpected bytes after its data: it is damaged or of another kind.");
            }
            return value;
        } catch (ArtifactException e) {
            throw e;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ArtifactException("The " + expected + " artifact's sizes are inconsistent: " + e.getMessage(), e);
        }
    }

    static int checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    /** The artifact's name for messages: its type. */
    public String name() {
        return name;
    }

    public int remaining() {
        return buffer.remaining();
    }

    int position() {
        return buffer.position();
    }

    /** An {@link ArtifactException} whose message starts with the artifact's name: "The TYPE artifact ...". */
    public ArtifactException error(String message) {
        return new ArtifactException("The " + name + " artifact " + message);
    }

    private void need(long bytes, String what) {
        if (bytes > buffer.remaining()) {
            throw error("is truncated: it ends inside its " + what + ".");
        }
    }

    public int readUnsignedByte() {
        need(1, "data");
        return buffer.get() & 0xFF;
    }

    /** A byte 0 or 1; any other value is damage. */
    public boolean readBoolean(String what) {
        int value = readUnsignedByte();
        if (value > 1) {
            throw error("has " + value + " for its " + what + ", which is a boolean (0 or 1): it is damaged.");
        }
        return value == 1;
    }

    public int readInt() {
        need(4, "data");
        return buffer.getInt();
    }

    public long readLong() {
        need(8, "data");
        return buffer.getLong();
    }

    public double readDouble() {
        need(8, "data");
        return buffer.getDouble();
    }

    int unsignedShort(String what) {
        need(2, what);
        return buffer.getShort() & 0xFFFF;
    }

    /** An int in {@code [min, max]}. */
    public int readInt(int min, int max, String what) {
        int value = readInt();
        if (value < min || value > max) {
            throw error("has " + what + " " + value + ", outside " + min + ".." + max + ": it is damaged.");
        }
        return value;
    }

    /**
     * A count of elements of {@code bytesPerElement} bytes each, in {@code 0..max} and no more than the bytes that
     * remain hold: checked before the caller allocates anything of that size.
     */
    public int readSize(int max, long bytesPerElement, String what) {
        int count = readInt();
        if (count < 0 || count > max) {
            throw error("has a " + what + " of " + count + ", outside 0.." + max + ": it is damaged.");
        }
        requireRemaining((long) count * bytesPerElement, what);
        return count;
    }

    /** Refuses, before anything is allocated, data longer than the bytes that are left: a forged size. */
    public void requireRemaining(long bytes, String what) {
        if (bytes > buffer.remaining()) {
            throw error("announces " + bytes + " bytes of " + what + " but holds " + buffer.remaining()
                    + ": it is truncated or its sizes are forged.");
        }
    }

    public byte[] readBytes(int count, String what) {
        need(count, what);
        return bytes(count, what);
    }

    byte[] bytes(int count, String what) {
        need(count, what);
        byte[] bytes = new byte[count];
        buffer.get(bytes);
        return bytes;
    }

    /** {@code count} longs, refused before allocating when fewer bytes remain. */
    public long[] readLongs(int count, String what) {
        requireRemaining(8L * count, what);
        long[] values = new long[count];
        buffer.asLongBuffer().get(values);
        buffer.position(buffer.position() + 8 * count);
        return values;
    }

    /** Fills {@code values} from the next longs, refused when fewer bytes remain. */
    public void readLongs(long[] values, String what) {
        requireRemaining(8L * values.length, what);
        buffer.asLongBuffer().get(values);
        buffer.position(buffer.position() + 8 * values.length);
    }

    /** Fills {@code values} from the next doubles, refused when fewer bytes remain. */
    public void readDoubles(double[] values, String what) {
        requireRemaining(8L * values.length, what);
        buffer.asDoubleBuffer().get(values);
        buffer.position(buffer.position() + 8 * values.length);
    }

    /** A length-prefixed (u32) array of longs, written by {@link ArtifactWriter#writeLongArray}. */
    public long[] readLongArray(int max, String what) {
        return readLongs(readSize(max, Long.BYTES, what + " length"), what);
    }

    /** A string written by {@link ArtifactWriter#writeString}: u16 length in bytes, then strict UTF-8. */
    public String readString(int maxBytes, String what) {
        return string(maxBytes, what);
    }

    String string(int maxBytes, String what) {
        int length = unsignedShort(what + " length");
        if (length > maxBytes) {
            throw error("has a " + what + " of " + length + " bytes, more than the " + maxBytes + " allowed: it is "
                    + "damaged.");
        }
        byte[] bytes = bytes(length, what);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw error("has a " + what + " that is not valid UTF-8: it is damaged.");
        }
    }

    /** A nested artifact written by {@link ArtifactWriter#writeArtifact}: u32 length, then its bytes. */
    public byte[] readArtifact(String what) {
        int length = readSize(Integer.MAX_VALUE, 1, what);
        return bytes(length, what);
    }
}

package org.fheml.tfhe.serialization;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the body of an artifact, big-endian, and seals it: {@link #toBytes()} puts the {@link ArtifactHeader} in
 * front and the CRC-32C behind. It remembers where it wrote sizes ({@link #writeSize}), so that tools and tests can
 * find the fields a forger would change ({@link #sizeOffsets()}).
 */
public final class ArtifactWriter {

    private final ArtifactType type;
    private byte[] body = new byte[64];
    private int length;
    private int[] sizes = new int[8];
    private int sizeCount;

    private ArtifactWriter(ArtifactType type) {
        this.type = type;
    }

    public static ArtifactWriter of(ArtifactType type) {
        return new ArtifactWriter(type);
    }

    private ByteBuffer reserve(int bytes) {
        if (length + bytes > body.length) {
            long wanted = Math.max((long) length + bytes, 2L * body.length);
            if (wanted > Integer.MAX_VALUE - 64) {
                throw new IllegalStateException("An artifact of more than 2 GiB cannot be written as one array.");
            }
            body = Arrays.copyOf(body, (int) wanted);
        }
        ByteBuffer view = ByteBuffer.wrap(body, length, bytes);
        length += bytes;
        return view;
    }

    public ArtifactWriter writeByte(int value) {
        reserve(1).put((byte) value);
        return this;
    }

    public ArtifactWriter writeBoolean(boolean value) {
        return writeByte(value ? 1 : 0);
    }

    public ArtifactWriter writeInt(int value) {
        reserve(4).putInt(value);
        return this;
    }

    /** A count or dimension: an int whose position {@link #sizeOffsets()} reports. */
    public ArtifactWriter writeSize(int value) {
        if (sizeCount == sizes.length) {
            sizes = Arrays.copyOf(sizes, 2 * sizes.length);
        }
        sizes[sizeCount++] = length;
        return writeInt(value);
    }

    public ArtifactWriter writeLong(long value) {
        reserve(8).putLong(value);
        return this;
    }

    public ArtifactWriter writeDouble(double value) {
        reserve(8).putDouble(value);
        return this;
    }

    public ArtifactWriter writeBytes(byte[] bytes) {
        reserve(bytes.length).put(bytes);
        return this;
    }

    /** The longs, without their count. */
    public ArtifactWriter writeLongs(long[] values) {
        reserve(8 * values.length).asLongBuffer().put(values);
        return this;
    }

    /** The doubles, without their count. */
    public ArtifactWriter writeDoubles(double[] values) {
        reserve(8 * values.length).asDoubleBuffer().put(values);
        return this;
    }

    /** The count (a size), then the longs: read back by {@link ArtifactReader#readLongArray}. */
    public ArtifactWriter writeLongArray(long[] values) {
        writeSize(values.length);
        return writeLongs(values);
    }

    /** u16 length in bytes, then UTF-8: read back by {@link ArtifactReader#readString}. */
    public ArtifactWriter writeString(String value, int maxBytes) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes || bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("\"" + value + "\" takes " + bytes.length + " bytes in UTF-8, more than "
                    + "the " + Math.min(maxBytes, 0xFFFF) + " an artifact stores.");
        }
        reserve(2).putShort((short) bytes.length);
        return writeBytes(bytes);
    }

    /** Another artifact inside this one: its length (a size), then its bytes. */
    public ArtifactWriter writeArtifact(byte[] artifact) {
        writeSize(artifact.length);
        return writeBytes(artifact);
    }

    /** Header, body and CRC-32C. */
    public byte[] toBytes() {
        byte[] header = ArtifactHeader.encode(type, length);
        byte[] out = new byte[header.length + length + ArtifactHeader.CHECKSUM_BYTES];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(body, 0, out, header.length, length);
        int crc = ArtifactReader.checksum(out, header.length + length);
        ByteBuffer.wrap(out, header.length + length, ArtifactHeader.CHECKSUM_BYTES).putInt(crc);
        return out;
    }

    /**
     * Where, in {@link #toBytes()}, the header's body length and every {@link #writeSize} size sit: the 4-byte
     * fields that announce how much follows.
     */
    public int[] sizeOffsets() {
        int headerLength = ArtifactHeader.encode(type, 0).length;
        int[] offsets = new int[sizeCount + 1];
        offsets[0] = headerLength - ArtifactHeader.BODY_LENGTH_BYTES;
        for (int i = 0; i < sizeCount; i++) {
            offsets[i + 1] = headerLength + sizes[i];
        }
        return offsets;
    }

    /** Recomputes the trailing CRC-32C of an artifact's bytes in place: what a forger does after changing them. */
    public static byte[] reseal(byte[] artifact) {
        int length = artifact.length - ArtifactHeader.CHECKSUM_BYTES;
        ByteBuffer.wrap(artifact, length, ArtifactHeader.CHECKSUM_BYTES).putInt(ArtifactReader.checksum(artifact,
                length));
        return artifact;
    }
}

package org.fheml.tfhe.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The container itself: header, bounded reads, strings, sizes and checksum. */
class ArtifactContainerTest {

    private static byte[] sample() {
        return ArtifactWriter.of(ArtifactType.ENCRYPTED_VALUES).writeString("naïve", 16).writeLongArray(new long[] {
                1, -2, 3}).writeBoolean(true).toBytes();
    }

    private static final Function<ArtifactReader, String> READ = in -> {
        String s = in.readString(16, "name");
        long[] values = in.readLongArray(10, "values");
        boolean flag = in.readBoolean("flag");
        return s + values.length + flag;
    };

    @Test
    void theHeaderNamesTypeVersionsAndBodyLength() {
        byte[] bytes = sample();
        ArtifactHeader header = ArtifactHeader.peek(bytes, ArtifactType.ENCRYPTED_VALUES);
        assertEquals(ArtifactType.ENCRYPTED_VALUES, header.type());
        assertEquals(ArtifactHeader.FORMAT_VERSION, header.formatVersion());
        assertEquals(ArtifactHeader.currentLibraryVersion(), header.libraryVersion());
        assertEquals(bytes.length, header.headerLength() + header.bodyLength() + ArtifactHeader.CHECKSUM_BYTES);
        assertEquals("naïve3true", ArtifactReader.read(bytes, ArtifactType.ENCRYPTED_VALUES, READ));
    }

    @Test
    void sizeOffsetsPointAtTheBodyLengthAndEverySize() {
        ArtifactWriter writer = ArtifactWriter.of(ArtifactType.TFHE_PARAMETERS).writeInt(7).writeSize(42).writeLong(1)
                .writeSize(43);
        byte[] bytes = writer.toBytes();
        int[] offsets = writer.sizeOffsets();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertEquals(ArtifactHeader.peek(bytes, ArtifactType.TFHE_PARAMETERS).bodyLength(), buffer.getInt(offsets[0]));
        assertArrayEquals(new int[] {42, 43}, new int[] {buffer.getInt(offsets[1]), buffer.getInt(offsets[2])});
    }

    @Test
    void aFlipIsAChecksumErrorAndAForgedCountIsRefusedBeforeAllocating() {
        byte[] flipped = sample();
        flipped[flipped.length - 9] ^= 4;
        assertThrows(ArtifactChecksumException.class, () -> ArtifactReader.read(flipped, ArtifactType.ENCRYPTED_VALUES,
                READ));
        byte[] forged = ArtifactWriter.of(ArtifactType.ENCRYPTED_VALUES).writeSize(Integer.MAX_VALUE).toBytes();
        ArtifactException e = assertThrows(ArtifactException.class, () -> ArtifactReader.read(forged,
                ArtifactType.ENCRYPTED_VALUES, in -> in.readLongs(in.readSize(Integer.MAX_VALUE, 8, "count"), "x")));
        assertTrue(e.getMessage().contains("ENCRYPTED_VALUES") && e.getMessage().contains("forged"), e.getMessage());
    }

    @Test
    void stringsAreBoundedAndStrictUtf8() {
        byte[] utf = ArtifactWriter.of(ArtifactType.ENCRYPTED_VALUES).writeBytes(new byte[] {0, 2, (byte) 0xC3, 0x28})
                .toBytes();
        assertTrue(assertThrows(ArtifactException.class, () -> ArtifactReader.read(utf, ArtifactType.ENCRYPTED_VALUES,
                in -> in.readString(8, "name"))).getMessage().contains("not valid UTF-8"));
        byte[] longString = ArtifactWriter.of(ArtifactType.ENCRYPTED_VALUES).writeString("a long name", 64).toBytes();
        assertTrue(assertThrows(ArtifactException.class, () -> ArtifactReader.read(longString,
                ArtifactType.ENCRYPTED_VALUES, in -> in.readString(4, "name"))).getMessage().contains("more than the 4"));
        byte[] notBoolean = ArtifactWriter.of(ArtifactType.ENCRYPTED_VALUES).writeByte(2).toBytes();
        assertTrue(assertThrows(ArtifactException.class, () -> ArtifactReader.read(notBoolean,
                ArtifactType.ENCRYPTED_VALUES, in -> in.readBoolean("flag"))).getMessage().contains("boolean"));
    }

    @Test
    void anArtifactOfTheFirstFormatSaysSoRatherThanDamaged() {
        byte[] old = sample();
        old[ArtifactHeader.MAGIC.length + 1] = 1;
        ArtifactException e = assertThrows(ArtifactException.class, () -> ArtifactReader.read(old,
                ArtifactType.ENCRYPTED_VALUES, READ));
        assertTrue(e.getMessage().contains("format version 1, older than the version 2"), e.getMessage());
    }
}

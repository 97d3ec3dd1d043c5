package org.fheml.tfhe.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.fheml.tfhe.algorithms.LweEncryption;
import org.fheml.tfhe.compression.SeededLweCiphertextList;
import org.fheml.tfhe.compression.SeededLweEncryption;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.junit.jupiter.api.Test;

class TfheArtifactsTest {

    private static final LweSecretKey KEY = LweSecretKey.generate(new LweDimension(600), AesCtrGenerator.seeded(9));
    private static final Encoding ENCODING = new Encoding(6);

    private static SeededLweCiphertextList seeded() {
        long[] plaintexts = Arrays.stream(new long[] {1, 2, 3, 60}).map(ENCODING::encode).toArray();
        return SeededLweEncryption.encrypt(KEY, plaintexts, 0x1p-30, AesCtrGenerator.seeded(10));
    }

    @Test
    void ciphertextListsRoundTripAndStillDecrypt() {
        LweCiphertextList list = seeded().expand();
        LweCiphertextList back = TfheArtifacts.readLweCiphertextList(TfheArtifacts.write(list));
        assertArrayEquals(list.data(), back.data());
        assertEquals(60, LweEncryption.decrypt(KEY, ENCODING, back.get(3)));
    }

    @Test
    void seededListsRoundTripInAFewBytes() {
        SeededLweCiphertextList list = seeded();
        byte[] bytes = TfheArtifacts.write(list);
        assertTrue(bytes.length < 100, bytes.length + " bytes for four ciphertexts of dimension 600");
        SeededLweCiphertextList back = TfheArtifacts.readSeededLweCiphertextList(bytes);
        assertArrayEquals(list.expand().data(), back.expand().data());
    }

    @Test
    void secretKeysRoundTrip() {
        assertArrayEquals(KEY.coefficients(), TfheArtifacts.readLweSecretKey(TfheArtifacts.write(KEY)).coefficients());
    }

    @Test
    void damagedOrForeignBytesGetAClearError() {
        byte[] bytes = TfheArtifacts.write(seeded());
        assertTrue(assertThrows(ArtifactException.class,
                () -> TfheArtifacts.readSeededLweCiphertextList(Arrays.copyOf(bytes, bytes.length - 3)))
                .getMessage().contains("truncated"));
        assertTrue(assertThrows(ArtifactException.class, () -> TfheArtifacts.readLweCiphertextList(bytes))
                .getMessage().contains("Expected an artifact of type LWE_CIPHERTEXT_LIST"));
        assertTrue(assertThrows(ArtifactException.class, () -> TfheArtifacts.readLweSecretKey("hello".getBytes()))
                .getMessage().contains("Not an fheml artifact"));
        byte[] newer = bytes.clone();
        newer[6] = 9;
        assertTrue(assertThrows(ArtifactException.class, () -> TfheArtifacts.readSeededLweCiphertextList(resealed(newer)))
                .getMessage().contains("format version"));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 4);
        System.arraycopy(bytes, bytes.length - 4, longer, bytes.length, 4);
        assertTrue(assertThrows(ArtifactException.class, () -> TfheArtifacts.readSeededLweCiphertextList(resealed(longer)))
                .getMessage().contains("unexpected bytes"));
        byte[] flipped = bytes.clone();
        flipped[bytes.length - 10] ^= 1;
        assertTrue(assertThrows(ArtifactException.class, () -> TfheArtifacts.readSeededLweCiphertextList(flipped))
                .getMessage().contains("checksum"));
    }

    /** The bytes with their trailing CRC-32C recomputed, as a writer of that content would have sealed them. */
    private static byte[] resealed(byte[] bytes) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        java.nio.ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
        return bytes;
    }
}

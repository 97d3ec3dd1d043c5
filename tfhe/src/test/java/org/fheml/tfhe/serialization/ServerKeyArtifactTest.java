package org.fheml.tfhe.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.fheml.tfhe.algorithms.KeyGeneration;
import org.fheml.tfhe.algorithms.LookupTables;
import org.fheml.tfhe.algorithms.LweEncryption;
import org.fheml.tfhe.algorithms.ProgrammableBootstrap;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.params.ParameterSet;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.junit.jupiter.api.Test;

class ServerKeyArtifactTest {

    private static final TfheParameters PARAMETERS = ParameterSet.INSECURE_TEST_P4.parameters();
    private static final ClientKey CLIENT = KeyGeneration.generateClientKey(PARAMETERS, AesCtrGenerator.seeded(21));
    private static final ServerKey SERVER = KeyGeneration.generateServerKey(CLIENT, AesCtrGenerator.seeded(22));

    @Test
    void aServerKeyFromBytesBootstrapsLikeTheOriginal() {
        ServerKey loaded = TfheArtifacts.readServerKey(TfheArtifacts.write(SERVER));
        assertEquals(PARAMETERS, loaded.parameters());
        assertArrayEquals(SERVER.keyswitchKey().data(), loaded.keyswitchKey().data());
        Encoding encoding = new Encoding(4);
        long[] table = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3};
        var lut = LookupTables.fromMessages(PARAMETERS.polynomialSize(), encoding, table, encoding);
        AesCtrGenerator random = AesCtrGenerator.seeded(23);
        for (long m = 0; m < 16; m++) {
            LweCiphertext in = LweEncryption.encrypt(CLIENT.bigLweKey(), encoding, m, PARAMETERS.glweNoiseStd(), random);
            LweCiphertext out = new LweCiphertext(CLIENT.bigLweKey().dimension());
            ProgrammableBootstrap.bootstrap(loaded, in, out, lut);
            assertEquals(table[(int) m] % 16, LweEncryption.decrypt(CLIENT.bigLweKey(), encoding, out));
        }
    }

    @Test
    void theServerKeyHoldsNoSecretKeyBits() {
        byte[] bytes = TfheArtifacts.write(SERVER);
        byte[] secret = TfheArtifacts.write(CLIENT.smallLweKey());
        assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains(
                new String(java.util.Arrays.copyOfRange(secret, secret.length - 36, secret.length - 4),
                        StandardCharsets.ISO_8859_1)), "the small key's coefficients do not appear in the server key");
    }

    @Test
    void clientKeysRoundTrip() {
        ClientKey loaded = TfheArtifacts.readClientKey(TfheArtifacts.write(CLIENT));
        assertEquals(PARAMETERS, loaded.parameters());
        assertArrayEquals(CLIENT.glweKey().coefficients(), loaded.glweKey().coefficients());
        assertArrayEquals(CLIENT.smallLweKey().coefficients(), loaded.smallLweKey().coefficients());
    }

    @Test
    void parametersRoundTrip() {
        assertEquals(PARAMETERS, TfheArtifacts.readTfheParameters(TfheArtifacts.write(PARAMETERS)));
    }

    @Test
    void flippedTruncatedAndForgedBytesAreRejectedCleanly() {
        byte[] bytes = TfheArtifacts.write(SERVER);
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x10;
        assertTrue(assertThrows(ArtifactException.class, () -> TfheArtifacts.readServerKey(flipped))
                .getMessage().contains("checksum"));
        assertThrows(ArtifactException.class, () -> TfheArtifacts.readServerKey(java.util.Arrays.copyOf(bytes, 100)));
        byte[] parameters = TfheArtifacts.write(PARAMETERS);
        int body = parameters.length - 4 - (4 * 7 + 8 * 2);
        byte[] forged = parameters.clone();
        ByteBuffer.wrap(forged).putInt(body + 8, 1 << 17);
        ByteBuffer.wrap(forged).putInt(body + 4, 16);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(forged, 0, forged.length - 4);
        ByteBuffer.wrap(forged).putInt(forged.length - 4, (int) crc.getValue());
        TfheParameters huge = TfheArtifacts.readTfheParameters(forged);
        assertEquals(1 << 17, huge.polynomialSize().value());
        byte[] key = TfheArtifacts.write(SERVER);
        System.arraycopy(forged, body, key, body, 4 * 7 + 8 * 2);
        java.util.zip.CRC32C keyCrc = new java.util.zip.CRC32C();
        keyCrc.update(key, 0, key.length - 4);
        ByteBuffer.wrap(key).putInt(key.length - 4, (int) keyCrc.getValue());
        assertTrue(assertThrows(ArtifactException.class, () -> TfheArtifacts.readServerKey(key))
                .getMessage().contains("forged"), "a forged size is refused before any allocation");
    }
}

package org.fheml.tfhe.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.fheml.tfhe.algorithms.KeyGeneration;
import org.fheml.tfhe.algorithms.LookupTables;
import org.fheml.tfhe.algorithms.LweEncryption;
import org.fheml.tfhe.algorithms.ProgrammableBootstrap;
import org.fheml.tfhe.compression.SeededKeyGeneration;
import org.fheml.tfhe.compression.SeededLweBootstrapKey;
import org.fheml.tfhe.compression.SeededLweKeyswitchKey;
import org.fheml.tfhe.compression.SeededServerKey;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.params.ParameterSet;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The artifacts of seeded keys: round trips, exact sizes, and damaged or forged bytes refused cleanly. */
class SeededKeyArtifactTest {

    private static final TfheParameters PARAMETERS = ParameterSet.INSECURE_TEST_P4.parameters();
    private static final ClientKey CLIENT = KeyGeneration.generateClientKey(PARAMETERS, AesCtrGenerator.seeded(51));
    private static final SeededServerKey SEEDED = SeededKeyGeneration.generateServerKey(CLIENT,
            AesCtrGenerator.seeded(52));
    /** Bytes of the header, the parameters and the checksum: what a parameters artifact holds. */
    private static final int OVERHEAD = TfheArtifacts.write(PARAMETERS).length;

    @Test
    void seededKeyswitchAndBootstrapKeysRoundTrip() {
        SeededLweKeyswitchKey ksk = TfheArtifacts.readSeededLweKeyswitchKey(TfheArtifacts.write(SEEDED.keyswitchKey()));
        assertEquals(PARAMETERS.bigLweDimension(), ksk.inputDimension());
        assertEquals(PARAMETERS.lweDimension(), ksk.outputDimension());
        assertEquals(PARAMETERS.ksBaseLog(), ksk.baseLog());
        assertEquals(PARAMETERS.ksLevels(), ksk.levels());
        assertArrayEquals(SEEDED.keyswitchKey().maskSeed(), ksk.maskSeed());
        assertArrayEquals(SEEDED.keyswitchKey().decompress().data(), ksk.decompress().data());

        SeededLweBootstrapKey bsk = TfheArtifacts.readSeededLweBootstrapKey(TfheArtifacts.write(SEEDED.bootstrapKey()));
        assertEquals(PARAMETERS.lweDimension(), bsk.inputLweDimension());
        assertEquals(PARAMETERS.glweDimension(), bsk.glweDimension());
        assertEquals(PARAMETERS.polynomialSize(), bsk.polynomialSize());
        assertEquals(PARAMETERS.pbsBaseLog(), bsk.baseLog());
        assertEquals(PARAMETERS.pbsLevels(), bsk.levels());
        assertArrayEquals(SEEDED.bootstrapKey().maskSeed(), bsk.maskSeed());
        assertArrayEquals(SEEDED.bootstrapKey().bodies(), bsk.bodies());
    }

    @Test
    void aSeededServerKeyFromBytesDecompressesIntoAKeyThatBootstraps() {
        SeededServerKey read = TfheArtifacts.readSeededServerKey(TfheArtifacts.write(SEEDED));
        assertEquals(PARAMETERS, read.parameters());
        assertArrayEquals(SEEDED.keyswitchKey().bodies(), read.keyswitchKey().bodies());
        assertArrayEquals(SEEDED.bootstrapKey().bodies(), read.bootstrapKey().bodies());
        ServerKey loaded = TfheArtifacts.readAnyServerKey(TfheArtifacts.write(SEEDED));
        assertArrayEquals(SEEDED.keyswitchKey().decompress().data(), loaded.keyswitchKey().data());
        assertBootstrapsEveryMessage(loaded);
    }

    @Test
    void readAnyServerKeyAlsoTakesThePlainFormAndNamesWhatItExpected() {
        ServerKey plain = SEEDED.decompress();
        assertBootstrapsEveryMessage(TfheArtifacts.readAnyServerKey(TfheArtifacts.write(plain)));
        ArtifactException e = assertThrows(ArtifactException.class,
                () -> TfheArtifacts.readAnyServerKey(TfheArtifacts.write(CLIENT)));
        assertEquals("Expected an artifact of type SERVER_KEY, found CLIENT_KEY.", e.getMessage());
    }

    @Test
    void theSeededServerKeyArtifactHasTheExactExpectedSize() {
        long kskBodies = (long) PARAMETERS.bigLweDimension().value() * PARAMETERS.ksLevels().value();
        long bskBodies = (long) PARAMETERS.lweDimension().value() * PARAMETERS.pbsLevels().value()
                * PARAMETERS.glweDimension().glweSize() * PARAMETERS.polynomialSize().value();
        long seeded = TfheArtifacts.write(SEEDED).length;
        long plain = TfheArtifacts.write(SEEDED.decompress()).length;
        assertEquals(OVERHEAD + 2 * 16 + 8 * (kskBodies + bskBodies), seeded);
        assertEquals(OVERHEAD + PARAMETERS.keyswitchKeyBytes() + PARAMETERS.bootstrapKeyBytes(), plain);
        assertEquals(PARAMETERS.keyswitchKeyBytes() / (PARAMETERS.lweDimension().value() + 1), 8 * kskBodies);
        assertEquals(PARAMETERS.bootstrapKeyBytes() / PARAMETERS.glweDimension().glweSize(), 8 * bskBodies);
    }

    /** The plain artifact is OVERHEAD + keyswitchKeyBytes + bootstrapKeyBytes, as the test above pins. */
    @Test
    void theTfheLibGateSeededServerKeyIsUnderAThirdOfThePlainOne() {
        TfheParameters gate = ParameterSet.TFHE_LIB_GATE_INSECURE.parameters();
        ClientKey client = KeyGeneration.generateClientKey(gate, AesCtrGenerator.seeded(54));
        byte[] seeded = TfheArtifacts.write(SeededKeyGeneration.generateServerKey(client, AesCtrGenerator.seeded(55)));
        int overhead = TfheArtifacts.write(gate).length;
        assertEquals(overhead + 31_031_328, seeded.length,
                "keyswitch: 1024 inputs × 8 levels bodies; bootstrap: 630 GGSWs × 3 levels × 2 rows × 1024; two seeds");
        long plain = overhead + gate.keyswitchKeyBytes() + gate.bootstrapKeyBytes();
        assertEquals(overhead + 103_284_736, plain);
        assertTrue(seeded.length < plain / 3, "the keyswitch key all but vanishes, the bootstrap key halves");
    }

    @Test
    void flippedAndTruncatedBytesAreRejected() {
        for (byte[] bytes : new byte[][] {TfheArtifacts.write(SEEDED), TfheArtifacts.write(SEEDED.keyswitchKey()),
                TfheArtifacts.write(SEEDED.bootstrapKey())}) {
            byte[] flipped = bytes.clone();
            flipped[bytes.length / 2] ^= 0x01;
            byte[] truncated = Arrays.copyOf(bytes, bytes.length - 9);
            for (byte[] damaged : new byte[][] {flipped, truncated}) {
                assertRejected("checksum", () -> TfheArtifacts.readSeededServerKey(damaged));
                assertRejected("checksum", () -> TfheArtifacts.readSeededLweKeyswitchKey(damaged));
                assertRejected("checksum", () -> TfheArtifacts.readSeededLweBootstrapKey(damaged));
                assertRejected("checksum", () -> TfheArtifacts.readAnyServerKey(damaged));
            }
        }
    }

    @Test
    void bodiesCutShortUnderAValidChecksumAreRejectedAsTruncated() {
        byte[] bytes = TfheArtifacts.write(SEEDED);
        byte[] cut = reseal(Arrays.copyOf(bytes, bytes.length - 8 * 100));
        assertRejected("truncated", () -> TfheArtifacts.readSeededServerKey(cut));
        byte[] ksk = TfheArtifacts.write(SEEDED.keyswitchKey());
        byte[] cutKsk = reseal(Arrays.copyOf(ksk, ksk.length - 8));
        assertRejected("truncated", () -> TfheArtifacts.readSeededLweKeyswitchKey(cutKsk));
    }

    @Test
    void forgedSizesAreRefusedBeforeAllocating() {
        byte[] ksk = TfheArtifacts.write(SEEDED.keyswitchKey());
        int kskBody = ksk.length - 4 - 8 * SEEDED.keyswitchKey().bodies().length - 16 - 4 * 4;
        byte[] hugeInput = ksk.clone();
        ByteBuffer.wrap(hugeInput).putInt(kskBody, 1 << 20);
        assertRejected("forged", () -> TfheArtifacts.readSeededLweKeyswitchKey(reseal(hugeInput)));

        byte[] bsk = TfheArtifacts.write(SEEDED.bootstrapKey());
        int bskBody = bsk.length - 4 - 8 * SEEDED.bootstrapKey().bodies().length - 16 - 5 * 4;
        byte[] hugePolynomials = bsk.clone();
        ByteBuffer.wrap(hugePolynomials).putInt(bskBody + 8, 1 << 17);
        assertRejected("forged", () -> TfheArtifacts.readSeededLweBootstrapKey(reseal(hugePolynomials)));
        byte[] negative = bsk.clone();
        ByteBuffer.wrap(negative).putInt(bskBody, -1);
        assertRejected("outside 0..", () -> TfheArtifacts.readSeededLweBootstrapKey(reseal(negative)));
        byte[] notPowerOfTwo = bsk.clone();
        ByteBuffer.wrap(notPowerOfTwo).putInt(bskBody + 8, 300);
        assertRejected("power of two", () -> TfheArtifacts.readSeededLweBootstrapKey(reseal(notPowerOfTwo)));
        byte[] wideDecomposition = bsk.clone();
        ByteBuffer.wrap(wideDecomposition).putInt(bskBody + 12, 40);
        assertRejected("64 bits", () -> TfheArtifacts.readSeededLweBootstrapKey(reseal(wideDecomposition)));

        byte[] server = TfheArtifacts.write(SEEDED);
        int parameters = OVERHEAD - 4 - (4 * 7 + 8 * 2);
        byte[] bigN = server.clone();
        ByteBuffer.wrap(bigN).putInt(parameters + 8, 1 << 17);
        assertRejected("forged", () -> TfheArtifacts.readSeededServerKey(reseal(bigN)));
    }

    @Test
    void anArtifactOfAnotherTypeIsRefused() {
        byte[] ksk = TfheArtifacts.write(SEEDED.keyswitchKey());
        assertRejected("Expected an artifact of type SEEDED_LWE_BOOTSTRAP_KEY, found SEEDED_LWE_KEYSWITCH_KEY",
                () -> TfheArtifacts.readSeededLweBootstrapKey(ksk));
        assertRejected("Expected an artifact of type SERVER_KEY, found SEEDED_SERVER_KEY",
                () -> TfheArtifacts.readServerKey(TfheArtifacts.write(SEEDED)));
    }

    private static void assertBootstrapsEveryMessage(ServerKey key) {
        Encoding encoding = new Encoding(4);
        long[] table = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3};
        LookupTable lut = LookupTables.fromMessages(PARAMETERS.polynomialSize(), encoding, table, encoding);
        AesCtrGenerator random = AesCtrGenerator.seeded(53);
        LweCiphertext out = new LweCiphertext(PARAMETERS.bigLweDimension());
        for (int m = 0; m < 16; m++) {
            LweCiphertext in = LweEncryption.encrypt(CLIENT.bigLweKey(), encoding, m, PARAMETERS.glweNoiseStd(), random);
            ProgrammableBootstrap.bootstrap(key, in, out, lut);
            assertEquals(table[m], LweEncryption.decrypt(CLIENT.bigLweKey(), encoding, out), "message " + m);
        }
    }

    private static void assertRejected(String expected, Executable read) {
        ArtifactException e = assertThrows(ArtifactException.class, read);
        assertTrue(e.getMessage().contains(expected), "\"" + e.getMessage() + "\" should say " + expected);
    }

    /** The bytes with a valid checksum recomputed: damage only the size checks can catch. */
    private static byte[] reseal(byte[] bytes) {
        byte[] sealed = bytes.clone();
        CRC32C crc = new CRC32C();
        crc.update(sealed, 0, sealed.length - 4);
        ByteBuffer.wrap(sealed).putInt(sealed.length - 4, (int) crc.getValue());
        return sealed;
    }
}

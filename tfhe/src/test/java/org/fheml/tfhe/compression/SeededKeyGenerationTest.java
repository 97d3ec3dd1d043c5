package org.fheml.tfhe.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.fheml.tfhe.algorithms.GgswEncryption;
import org.fheml.tfhe.algorithms.KeyGeneration;
import org.fheml.tfhe.algorithms.LookupTables;
import org.fheml.tfhe.algorithms.LweEncryption;
import org.fheml.tfhe.algorithms.LweKeyswitch;
import org.fheml.tfhe.algorithms.ProgrammableBootstrap;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.GgswCiphertext;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweBootstrapKey;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweKeyswitchKey;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.params.ParameterSet;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded evaluation keys: decompressed, they keyswitch and bootstrap correctly, and they are exactly the keys an
 * ordinary encryption gives when its masks come from the seeded stream in the documented order.
 */
class SeededKeyGenerationTest {

    private static final TfheParameters PARAMETERS = ParameterSet.INSECURE_TEST_P4.parameters();
    private static final ClientKey CLIENT = KeyGeneration.generateClientKey(PARAMETERS, AesCtrGenerator.seeded(31));

    @Test
    void decompressedKeyswitchKeyIsTheEncryptionWithMasksFromTheSeedInStorageOrder() {
        SeededLweKeyswitchKey seeded = SeededKeyswitchKeyGeneration.generate(CLIENT.bigLweKey(), CLIENT.smallLweKey(),
                PARAMETERS.ksBaseLog(), PARAMETERS.ksLevels(), PARAMETERS.lweNoiseStd(), AesCtrGenerator.seeded(32));
        AesCtrGenerator noise = noiseAfterSeed(32);
        AesCtrGenerator masks = new AesCtrGenerator(seeded.maskSeed());
        LweKeyswitchKey expected = new LweKeyswitchKey(PARAMETERS.bigLweDimension(), PARAMETERS.lweDimension(),
                PARAMETERS.ksBaseLog(), PARAMETERS.ksLevels());
        long[] bits = CLIENT.bigLweKey().coefficients();
        int baseLog = PARAMETERS.ksBaseLog().value();
        for (int i = 0; i < bits.length; i++) {
            for (int level = 0; level < PARAMETERS.ksLevels().value(); level++) {
                LweEncryption.encrypt(CLIENT.smallLweKey(), bits[i] << (64 - (level + 1) * baseLog),
                        PARAMETERS.lweNoiseStd(), masks, noise, new LweCiphertext(PARAMETERS.lweDimension(),
                                expected.data(), expected.offsetOf(i, level)));
            }
        }
        assertArrayEquals(expected.data(), seeded.decompress().data());
    }

    @Test
    void decompressedBootstrapKeyIsTheEncryptionWithMasksFromTheSeedInStorageOrder() {
        SeededLweBootstrapKey seeded = SeededBootstrapKeyGeneration.generate(CLIENT.smallLweKey(), CLIENT.glweKey(),
                PARAMETERS.pbsBaseLog(), PARAMETERS.pbsLevels(), PARAMETERS.glweNoiseStd(), AesCtrGenerator.seeded(33));
        AesCtrGenerator noise = noiseAfterSeed(33);
        AesCtrGenerator masks = new AesCtrGenerator(seeded.maskSeed());
        List<GgswCiphertext> decompressed = seeded.decompress().ggsws();
        long[] bits = CLIENT.smallLweKey().coefficients();
        assertEquals(bits.length, decompressed.size());
        for (int i = 0; i < bits.length; i++) {
            GgswCiphertext expected = new GgswCiphertext(PARAMETERS.glweDimension(), PARAMETERS.polynomialSize(),
                    PARAMETERS.pbsBaseLog(), PARAMETERS.pbsLevels());
            GgswEncryption.encrypt(CLIENT.glweKey(), bits[i], PARAMETERS.glweNoiseStd(), masks, noise, expected);
            assertArrayEquals(expected.data(), decompressed.get(i).data(), "GGSW " + i);
        }
    }

    @Test
    void decompressedKeyswitchKeySwitchesEveryMessageToTheSmallKey() {
        LweKeyswitchKey ksk = SeededKeyswitchKeyGeneration.generate(CLIENT.bigLweKey(), CLIENT.smallLweKey(),
                PARAMETERS.ksBaseLog(), PARAMETERS.ksLevels(), PARAMETERS.lweNoiseStd(), AesCtrGenerator.seeded(34))
                .decompress();
        Encoding encoding = new Encoding(4);
        AesCtrGenerator random = AesCtrGenerator.seeded(35);
        LweCiphertext out = new LweCiphertext(PARAMETERS.lweDimension());
        for (long m = 0; m < 16; m++) {
            LweCiphertext in = LweEncryption.encrypt(CLIENT.bigLweKey(), encoding, m, PARAMETERS.glweNoiseStd(), random);
            LweKeyswitch.keyswitch(ksk, in, out);
            assertEquals(m, LweEncryption.decrypt(CLIENT.smallLweKey(), encoding, out));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INSECURE_TEST_P4", "INSECURE_TEST_K2"})
    void decompressedServerKeyBootstrapsEveryMessageThroughARandomTable(ParameterSet set) {
        TfheParameters parameters = set.parameters();
        ClientKey client = KeyGeneration.generateClientKey(parameters, AesCtrGenerator.seeded(36));
        ServerKey server = SeededKeyGeneration.generateServerKey(client, AesCtrGenerator.seeded(37)).decompress();
        Encoding encoding = new Encoding(set.precision());
        long[] table = new SplittableRandom(38).longs(encoding.messageModulus(), 0, encoding.messageModulus()).toArray();
        LookupTable lut = LookupTables.fromMessages(parameters.polynomialSize(), encoding, table, encoding);
        AesCtrGenerator random = AesCtrGenerator.seeded(39);
        LweCiphertext out = new LweCiphertext(parameters.bigLweDimension());
        for (int m = 0; m < table.length; m++) {
            LweCiphertext in = LweEncryption.encrypt(client.bigLweKey(), encoding, m, parameters.glweNoiseStd(), random);
            ProgrammableBootstrap.bootstrap(server, in, out, lut);
            assertEquals(table[m], LweEncryption.decrypt(client.bigLweKey(), encoding, out), "message " + m);
        }
    }

    @Test
    void theTwoKeysHaveTheirOwnFreshSeeds() {
        AesCtrGenerator noise = AesCtrGenerator.seeded(40);
        SeededServerKey first = SeededKeyGeneration.generateServerKey(CLIENT, noise);
        SeededServerKey second = SeededKeyGeneration.generateServerKey(CLIENT, noise);
        assertFalse(Arrays.equals(first.keyswitchKey().maskSeed(), first.bootstrapKey().maskSeed()));
        assertFalse(Arrays.equals(first.bootstrapKey().maskSeed(), second.bootstrapKey().maskSeed()));
        assertFalse(Arrays.equals(first.bootstrapKey().bodies(), second.bootstrapKey().bodies()));
    }

    @Test
    void seededKeysAreOneOverNPlusOneAndOneOverKPlusOneOfThePlainOnes() {
        SeededServerKey seeded = SeededKeyGeneration.generateServerKey(CLIENT, AesCtrGenerator.seeded(41));
        LweKeyswitchKey ksk = seeded.keyswitchKey().decompress();
        LweBootstrapKey bsk = seeded.bootstrapKey().decompress();
        int n = PARAMETERS.lweDimension().value();
        int glweSize = PARAMETERS.glweDimension().glweSize();
        assertEquals(PARAMETERS.keyswitchKeyBytes(), ksk.sizeInBytes());
        assertEquals(16 + ksk.sizeInBytes() / (n + 1), seeded.keyswitchKey().sizeInBytes());
        long bskWords = bsk.ggsws().stream().mapToLong(g -> g.data().length).sum();
        assertEquals(PARAMETERS.bootstrapKeyBytes(), bskWords * Long.BYTES);
        assertEquals(16 + bskWords * Long.BYTES / glweSize, seeded.bootstrapKey().sizeInBytes());
        assertEquals(seeded.keyswitchKey().sizeInBytes() + seeded.bootstrapKey().sizeInBytes(), seeded.sizeInBytes());
    }

    /** The caller's noise generator in the state seeded generation leaves it after drawing the mask seed. */
    private static AesCtrGenerator noiseAfterSeed(long seed) {
        AesCtrGenerator noise = AesCtrGenerator.seeded(seed);
        noise.nextBytes(new byte[16]);
        return noise;
    }
}

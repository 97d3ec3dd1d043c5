package org.fheml.tfhe.serialization;

import java.util.ArrayList;
import java.util.List;
import org.fheml.tfhe.compression.SeededLweBootstrapKey;
import org.fheml.tfhe.compression.SeededLweCiphertextList;
import org.fheml.tfhe.compression.SeededLweKeyswitchKey;
import org.fheml.tfhe.compression.SeededServerKey;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.FourierBootstrapKey;
import org.fheml.tfhe.entities.GlweSecretKey;
import org.fheml.tfhe.entities.FourierGgswCiphertext;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.LweKeyswitchKey;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.params.GlweDimension;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.params.PolynomialSize;
import org.fheml.tfhe.params.TfheParameters;

/**
 * Versioned binary forms of the runtime's entities, big-endian, each in the container of {@link ArtifactWriter}
 * and {@link ArtifactReader} (header, body, CRC-32C). Reading checks the checksum, the header, every size before
 * allocating and the end of the data, and fails with an {@link ArtifactException} that says what is wrong, never
 * with an arbitrary exception from deep inside.
 */
public final class TfheArtifacts {

    /** Dimensions and counts beyond this are taken as damage rather than allocated. */
    private static final int MAX_DIMENSION = 1 << 20;
    private static final int MAX_COUNT = 1 << 24;

    private TfheArtifacts() {
    }

    public static byte[] write(LweCiphertextList list) {
        return ArtifactWriter.of(ArtifactType.LWE_CIPHERTEXT_LIST).writeSize(list.dimension().value())
                .writeSize(list.count()).writeLongs(list.data()).toBytes();
    }

    public static LweCiphertextList readLweCiphertextList(byte[] bytes) {
        return ArtifactReader.read(bytes, ArtifactType.LWE_CIPHERTEXT_LIST, TfheArtifacts::readLweCiphertextList);
    }

    public static byte[] write(SeededLweCiphertextList list) {
        return ArtifactWriter.of(ArtifactType.SEEDED_LWE_CIPHERTEXT_LIST).writeInt(list.dimension().value())
                .writeBytes(list.maskSeed()).writeLongArray(list.bodies()).toBytes();
    }

    public static SeededLweCiphertextList readSeededLweCiphertextList(byte[] bytes) {
        return ArtifactReader.read(bytes, ArtifactType.SEEDED_LWE_CIPHERTEXT_LIST, in -> {
            int dimension = in.readInt(0, MAX_DIMENSION, "LWE dimension");
            byte[] seed = readSeed(in);
            long[] bodies = in.readLongs(in.readSize(MAX_COUNT, Long.BYTES, "ciphertext count"),
                    "seeded ciphertext list");
            return new SeededLweCiphertextList(new LweDimension(dimension), seed, bodies);
        });
    }

    /** A secret key's bytes: keep them on the client, encrypted at rest. */
    public static byte[] write(LweSecretKey key) {
        ArtifactWriter out = ArtifactWriter.of(ArtifactType.LWE_SECRET_KEY).writeSize(key.dimension().value());
        writeBits(out, key.coefficients());
        return out.toBytes();
    }

    public static LweSecretKey readLweSecretKey(byte[] bytes) {
        return ArtifactReader.read(bytes, ArtifactType.LWE_SECRET_KEY, in -> {
            int dimension = in.readInt(0, MAX_DIMENSION, "LWE dimension");
            in.requireRemaining(dimension, "secret key");
            return new LweSecretKey(readBits(in, dimension));
        });
    }

    public static byte[] write(TfheParameters parameters) {
        ArtifactWriter out = ArtifactWriter.of(ArtifactType.TFHE_PARAMETERS);
        writeParameters(out, parameters);
        return out.toBytes();
    }

    public static TfheParameters readTfheParameters(byte[] bytes) {
        return ArtifactReader.read(bytes, ArtifactType.TFHE_PARAMETERS, TfheArtifacts::readParameters);
    }

    /**
     * The evaluation keys a server needs: parameters, keyswitch key, and the bootstrap key in the Fourier form (and
     * Fourier order) of this library version. No secret key is in it.
     */
    public static byte[] write(ServerKey key) {
        ArtifactWriter out = ArtifactWriter.of(ArtifactType.SERVER_KEY);
        writeParameters(out, key.parameters());
        out.writeLongs(key.keyswitchKey().data());
        for (FourierGgswCiphertext ggsw : key.bootstrapKey().ggsws()) {
            out.writeDoubles(ggsw.re()).writeDoubles(ggsw.im());
        }
        return out.toBytes();
    }

    public static ServerKey readServerKey(byte[] bytes) {
        return ArtifactReader.read(bytes, ArtifactType.SERVER_KEY, in -> {
            TfheParameters p = readParameters(in);
            LweDimension big = p.bigLweDimension();
            long kskWords = (long) big.value() * p.ksLevels().value() * p.lweDimension().lweSize();
            long glweSize = p.glweDimension().glweSize();
            long ggswLength = p.pbsLevels().value() * glweSize * glweSize * p.polynomialSize().fourierSize();
            long bskDoubles = 2L * ggswLength * p.lweDimension().value();
            in.requireRemaining(8 * (kskWords + bskDoubles), "server key");
            LweKeyswitchKey ksk = new LweKeyswitchKey(big, p.lweDimension(), p.ksBaseLog(), p.ksLevels());
            in.readLongs(ksk.data(), "keyswitch key");
            List<FourierGgswCiphertext> ggsws = new ArrayList<>();
            for (int i = 0; i < p.lweDimension().value(); i++) {
                FourierGgswCiphertext ggsw = new FourierGgswCiphertext(p.glweDimension(), p.polynomialSize(),
                        p.pbsBaseLog(), p.pbsLevels());
                in.readDoubles(ggsw.re(), "bootstrap key");
                in.readDoubles(ggsw.im(), "bootstrap key");
                ggsws.add(ggsw);
            }
            return new ServerKey(p, ksk, new FourierBootstrapKey(ggsws));
        });
    }

    /** A seeded keyswitch key: its sizes, its public mask seed and its bodies. */
    public static byte[] write(SeededLweKeyswitchKey key) {
        return ArtifactWriter.of(ArtifactType.SEEDED_LWE_KEYSWITCH_KEY).writeSize(key.inputDimension().value())
                .writeSize(key.outputDimension().value()).writeInt(key.baseLog().value()).writeSize(key.levels().value())
                .writeBytes(key.maskSeed()).writeLongs(key.bodies()).toBytes();
    }

    public static SeededLweKeyswitchKey readSeededLweKeyswitchKey(byte[] bytes) {
        return ArtifactReader.read(bytes, ArtifactType.SEEDED_LWE_KEYSWITCH_KEY, in -> {
            int input = in.readInt(0, MAX_DIMENSION, "keyswitch input LWE dimension");
            int output = in.readInt(0, MAX_DIMENSION, "keyswitch output LWE dimension");
            int baseLog = in.readInt(0, 64, "keyswitch base log");
            int levels = in.readInt(0, 64, "keyswitch levels");
            checkDecomposition(baseLog, levels, "keyswitch");
            byte[] seed = readSeed(in);
            in.requireRemaining(8L * input * levels, "seeded keyswitch key");
            SeededLweKeyswitchKey key = new SeededLweKeyswitchKey(new LweDimension(input), new LweDimension(output),
                    new DecompositionBaseLog(baseLog), new DecompositionLevelCount(levels), seed);
            in.readLongs(key.bodies(), "seeded keyswitch key");
            return key;
        });
    }

    /** A seeded standard-domain bootstrap key: its sizes, its public mask seed and the bodies of its GGSW rows. */
    public static byte[] write(SeededLweBootstrapKey key) {
        return ArtifactWriter.of(ArtifactType.SEEDED_LWE_BOOTSTRAP_KEY).writeSize(key.inputLweDimension().value())
                .writeSize(key.glweDimension().value()).writeSize(key.polynomialSize().value())
                .writeInt(key.baseLog().value()).writeSize(key.levels().value()).writeBytes(key.maskSeed())
                .writeLongs(key.bodies()).toBytes();
    }

    public static SeededLweBootstrapKey readSeededLweBootstrapKey(byte[] bytes) {
        return ArtifactReader.read(bytes, ArtifactType.SEEDED_LWE_BOOTSTRAP_KEY, in -> {
            int n = in.readInt(0, MAX_DIMENSION, "bootstrap input LWE dimension");
            int k = in.readInt(0, 16, "GLWE dimension");
            int bigN = in.readInt(0, PolynomialSize.MAX, "polynomial size");
            int baseLog = in.readInt(0, 64, "bootstrap base log");
            int levels = in.readInt(0, 64, "bootstrap levels");
            checkDecomposition(baseLog, levels, "bootstrap");
            byte[] seed = readSeed(in);
            in.requireRemaining(8L * n * levels * (k + 1) * bigN, "seeded bootstrap key");
            SeededLweBootstrapKey key = new SeededLweBootstrapKey(new LweDimension(n), new GlweDimension(k),
                    new PolynomialSize(bigN), new DecompositionBaseLog(baseLog), new DecompositionLevelCount(levels),
                    seed);
            in.readLongs(key.bodies(), "seeded bootstrap key");
            return key;
        });
    }

    /**
     * The evaluation keys in seeded form: parameters, the two mask seeds (keyswitch, bootstrap), the keyswitch key's
     * bodies, the bootstrap key's bodies. About half a {@link #write(ServerKey)}; the server reads it with
     * {@link #readSeededServerKey} and decompresses it, or with {@link #readAnyServerKey}.
     */
    public static byte[] write(SeededServerKey key) {
        ArtifactWriter out = ArtifactWriter.of(ArtifactType.SEEDED_SERVER_KEY);
        writeParameters(out, key.parameters());
        return out.writeBytes(key.keyswitchKey().maskSeed()).writeBytes(key.bootstrapKey().maskSeed())
                .writeLongs(key.keyswitchKey().bodies()).writeLongs(key.bootstrapKey().bodies()).toBytes();
    }

    public static SeededServerKey readSeededServerKey(byte[] bytes) {
        return ArtifactReader.read(bytes, ArtifactType.SEEDED_SERVER_KEY, in -> {
            TfheParameters p = readParameters(in);
            byte[] kskSeed = readSeed(in);
            byte[] bskSeed = readSeed(in);
            long kskBodies = (long) p.bigLweDimension().value() * p.ksLevels().value();
            long bskBodies = (long) p.lweDimension().value() * p.pbsLevels().value() * p.glweDimension().glweSize()
                    * p.polynomialSize().value();
            in.requireRemaining(8 * (kskBodies + bskBodies), "seeded server key");
            SeededLweKeyswitchKey ksk = new SeededLweKeyswitchKey(p.bigLweDimension(), p.lweDimension(), p.ksBaseLog(),
                    p.ksLevels(), kskSeed);
            SeededLweBootstrapKey bsk = new SeededLweBootstrapKey(p.lweDimension(), p.glweDimension(),
                    p.polynomialSize(), p.pbsBaseLog(), p.pbsLevels(), bskSeed);
            in.readLongs(ksk.bodies(), "seeded keyswitch key");
            in.readLongs(bsk.bodies(), "seeded bootstrap key");
            return new SeededServerKey(p, ksk, bsk);
        });
    }

    /**
     * What a server calls on the evaluation keys it receives: a {@link ArtifactType#SERVER_KEY} artifact as it is,
     * a {@link ArtifactType#SEEDED_SERVER_KEY} one decompressed.
     */
    public static ServerKey readAnyServerKey(byte[] bytes) {
        if (bytes != null && ArtifactHeader.peekType(bytes) == ArtifactType.SEEDED_SERVER_KEY) {
            return readSeededServerKey(bytes).decompress();
        }
        return readServerKey(bytes);
    }

    /** A client's secret keys (GLWE and small LWE) with their parameters: keep them on the client. */
    public static byte[] write(ClientKey key) {
        ArtifactWriter out = ArtifactWriter.of(ArtifactType.CLIENT_KEY);
        writeParameters(out, key.parameters());
        writeBits(out, key.glweKey().coefficients());
        writeBits(out, key.smallLweKey().coefficients());
        return out.toBytes();
    }

    public static ClientKey readClientKey(byte[] bytes) {
        return ArtifactReader.read(bytes, ArtifactType.CLIENT_KEY, in -> {
            TfheParameters p = readParameters(in);
            int glweBits = p.bigLweDimension().value();
            int lweBits = p.lweDimension().value();
            in.requireRemaining((long) glweBits + lweBits, "client key");
            GlweSecretKey glwe = new GlweSecretKey(p.glweDimension(), p.polynomialSize(), readBits(in, glweBits));
            return new ClientKey(p, glwe, new LweSecretKey(readBits(in, lweBits)));
        });
    }

    /** The list's body; also what an encrypted-values bundle holds for each encrypted tensor. */
    public static LweCiphertextList readLweCiphertextList(ArtifactReader in) {
        int dimension = in.readInt(0, MAX_DIMENSION, "LWE dimension");
        int count = in.readInt(0, MAX_COUNT, "ciphertext count");
        in.requireRemaining(8L * count * (dimension + 1), "ciphertext list");
        LweCiphertextList list = new LweCiphertextList(new LweDimension(dimension), count);
        in.readLongs(list.data(), "ciphertext list");
        return list;
    }

    /** The body {@link #readLweCiphertextList(ArtifactReader)} reads: dimension, count, every word. */
    public static void writeLweCiphertextList(ArtifactWriter out, LweCiphertextList list) {
        out.writeSize(list.dimension().value()).writeSize(list.count()).writeLongs(list.data());
    }

    private static void writeBits(ArtifactWriter out, long[] bits) {
        byte[] bytes = new byte[bits.length];
        for (int i = 0; i < bits.length; i++) {
            bytes[i] = (byte) bits[i];
        }
        out.writeBytes(bytes);
    }

    private static long[] readBits(ArtifactReader in, int count) {
        byte[] bytes = in.readBytes(count, "secret key coefficients");
        long[] bits = new long[count];
        for (int i = 0; i < count; i++) {
            int bit = bytes[i] & 0xFF;
            if (bit > 1) {
                throw new ArtifactException("Secret key coefficient " + i + " is " + bit + ", not 0 or 1.");
            }
            bits[i] = bit;
        }
        return bits;
    }

    private static void writeParameters(ArtifactWriter out, TfheParameters p) {
        out.writeInt(p.lweDimension().value());
        out.writeInt(p.glweDimension().value());
        out.writeInt(p.polynomialSize().value());
        out.writeDouble(p.lweNoiseStd());
        out.writeDouble(p.glweNoiseStd());
        out.writeInt(p.pbsBaseLog().value());
        out.writeInt(p.pbsLevels().value());
        out.writeInt(p.ksBaseLog().value());
        out.writeInt(p.ksLevels().value());
    }

    private static TfheParameters readParameters(ArtifactReader in) {
        int n = in.readInt(0, 1 << 15, "LWE dimension");
        int k = in.readInt(0, 16, "GLWE dimension");
        int bigN = in.readInt(0, 1 << 17, "polynomial size");
        double lweStd = in.readDouble();
        double glweStd = in.readDouble();
        int pbsBaseLog = in.readInt(0, 64, "bootstrap base log");
        int pbsLevels = in.readInt(0, 64, "bootstrap levels");
        int ksBaseLog = in.readInt(0, 64, "keyswitch base log");
        int ksLevels = in.readInt(0, 64, "keyswitch levels");
        try {
            return TfheParameters.of(n, k, bigN, lweStd, glweStd, pbsBaseLog, pbsLevels, ksBaseLog, ksLevels);
        } catch (IllegalArgumentException e) {
            throw new ArtifactException("The " + in.name() + " artifact's parameters are inconsistent: "
                    + e.getMessage(), e);
        }
    }

    private static byte[] readSeed(ArtifactReader in) {
        return in.readBytes(16, "mask seed");
    }

    private static void checkDecomposition(int baseLog, int levels, String what) {
        if (baseLog * levels > 64) {
            throw new ArtifactException("The artifact's " + what + " decomposition covers base log " + baseLog + " × "
                    + levels + " levels, more than the 64 bits of the torus: it is damaged.");
        }
    }
}

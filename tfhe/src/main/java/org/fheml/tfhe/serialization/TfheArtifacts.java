package org.fheml.tfhe.serialization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Versioned binary forms of the runtime's entities, big-endian, each behind an {@link ArtifactHeader}. Reading
 * checks the header, every size and the end of the data, and fails with an {@link ArtifactException} that says
 * what is wrong, never with an arbitrary exception from deep inside.
 */
public final class TfheArtifacts {

    /** Dimensions and counts beyond this are taken as damage rather than allocated. */
    private static final int MAX_DIMENSION = 1 << 20;
    private static final int MAX_COUNT = 1 << 24;

    private TfheArtifacts() {
    }

    public static byte[] write(LweCiphertextList list) {
        return bytes(ArtifactType.LWE_CIPHERTEXT_LIST, out -> {
            out.writeInt(list.dimension().value());
            out.writeInt(list.count());
            for (long word : list.data()) {
                out.writeLong(word);
            }
        });
    }

    public static LweCiphertextList readLweCiphertextList(byte[] bytes) {
        return parse(bytes, ArtifactType.LWE_CIPHERTEXT_LIST, in -> {
            int dimension = bounded(in.readInt(), MAX_DIMENSION, "LWE dimension");
            int count = bounded(in.readInt(), MAX_COUNT, "ciphertext count");
            requireAvailable(in, 8L * count * (dimension + 1), "ciphertext list");
            LweCiphertextList list = new LweCiphertextList(new LweDimension(dimension), count);
            long[] data = list.data();
            for (int i = 0; i < data.length; i++) {
                data[i] = in.readLong();
            }
            return list;
        });
    }

    public static byte[] write(SeededLweCiphertextList list) {
        return bytes(ArtifactType.SEEDED_LWE_CIPHERTEXT_LIST, out -> {
            out.writeInt(list.dimension().value());
            out.write(list.maskSeed());
            long[] bodies = list.bodies();
            out.writeInt(bodies.length);
            for (long body : bodies) {
                out.writeLong(body);
            }
        });
    }

    public static SeededLweCiphertextList readSeededLweCiphertextList(byte[] bytes) {
        return parse(bytes, ArtifactType.SEEDED_LWE_CIPHERTEXT_LIST, in -> {
            int dimension = bounded(in.readInt(), MAX_DIMENSION, "LWE dimension");
            byte[] seed = new byte[16];
            in.readFully(seed);
            int count = bounded(in.readInt(), MAX_COUNT, "ciphertext count");
            requireAvailable(in, 8L * count, "seeded ciphertext list");
            long[] bodies = new long[count];
            for (int i = 0; i < bodies.length; i++) {
                bodies[i] = in.readLong();
            }
            return new SeededLweCiphertextList(new LweDimension(dimension), seed, bodies);
        });
    }

    /** A secret key's bytes: keep them on the client, encrypted at rest. */
    public static byte[] write(LweSecretKey key) {
        return bytes(ArtifactType.LWE_SECRET_KEY, out -> {
            out.writeInt(key.dimension().value());
            for (long bit : key.coefficients()) {
                out.writeByte((int) bit);
            }
        });
    }

    public static LweSecretKey readLweSecretKey(byte[] bytes) {
        return parse(bytes, ArtifactType.LWE_SECRET_KEY, in -> {
            int dimension = bounded(in.readInt(), MAX_DIMENSION, "LWE dimension");
            requireAvailable(in, dimension, "secret key");
            long[] bits = new long[dimension];
            for (int i = 0; i < bits.length; i++) {
                int bit = in.readUnsignedByte();
                if (bit > 1) {
                    throw new ArtifactException("Secret key coefficient " + i + " is " + bit + ", not 0 or 1.");
                }
                bits[i] = bit;
            }
            return new LweSecretKey(bits);
        });
    }

    public static byte[] write(TfheParameters parameters) {
        return bytes(ArtifactType.TFHE_PARAMETERS, out -> writeParameters(out, parameters));
    }

    public static TfheParameters readTfheParameters(byte[] bytes) {
        return parse(bytes, ArtifactType.TFHE_PARAMETERS, TfheArtifacts::readParameters);
    }

    /**
     * The evaluation keys a server needs: parameters, keyswitch key, and the bootstrap key in the Fourier form (and
     * Fourier order) of this library version. No secret key is in it.
     */
    public static byte[] write(ServerKey key) {
        return bytes(ArtifactType.SERVER_KEY, out -> {
            writeParameters(out, key.parameters());
            for (long word : key.keyswitchKey().data()) {
                out.writeLong(word);
            }
            for (FourierGgswCiphertext ggsw : key.bootstrapKey().ggsws()) {
                for (double v : ggsw.re()) {
                    out.writeDouble(v);
                }
                for (double v : ggsw.im()) {
                    out.writeDouble(v);
                }
            }
        });
    }

    public static ServerKey readServerKey(byte[] bytes) {
        return parse(bytes, ArtifactType.SERVER_KEY, in -> {
            TfheParameters p = readParameters(in);
            LweDimension big = p.bigLweDimension();
            long kskWords = (long) big.value() * p.ksLevels().value() * p.lweDimension().lweSize();
            long glweSize = p.glweDimension().glweSize();
            long ggswLength = p.pbsLevels().value() * glweSize * glweSize * p.polynomialSize().fourierSize();
            long bskDoubles = 2L * ggswLength * p.lweDimension().value();
            requireAvailable(in, 8 * (kskWords + bskDoubles), "server key");
            LweKeyswitchKey ksk = new LweKeyswitchKey(big, p.lweDimension(), p.ksBaseLog(), p.ksLevels());
            long[] words = ksk.data();
            for (int i = 0; i < words.length; i++) {
                words[i] = in.readLong();
            }
            List<FourierGgswCiphertext> ggsws = new ArrayList<>();
            for (int i = 0; i < p.lweDimension().value(); i++) {
                FourierGgswCiphertext ggsw = new FourierGgswCiphertext(p.glweDimension(), p.polynomialSize(),
                        p.pbsBaseLog(), p.pbsLevels());
                double[] re = ggsw.re();
                double[] im = ggsw.im();
                for (int j = 0; j < re.length; j++) {
                    re[j] = in.readDouble();
                }
                for (int j = 0; j < im.length; j++) {
                    im[j] = in.readDouble();
                }
                ggsws.add(ggsw);
            }
            return new ServerKey(p, ksk, new FourierBootstrapKey(ggsws));
        });
    }

    /** A seeded keyswitch key: its sizes, its public mask seed and its bodies. */
    public static byte[] write(SeededLweKeyswitchKey key) {
        return bytes(ArtifactType.SEEDED_LWE_KEYSWITCH_KEY, out -> {
            out.writeInt(key.inputDimension().value());
            out.writeInt(key.outputDimension().value());
            out.writeInt(key.baseLog().value());
            out.writeInt(key.levels().value());
            out.write(key.maskSeed());
            writeLongs(out, key.bodies());
        });
    }

    public static SeededLweKeyswitchKey readSeededLweKeyswitchKey(byte[] bytes) {
        return parse(bytes, ArtifactType.SEEDED_LWE_KEYSWITCH_KEY, in -> {
            int input = bounded(in.readInt(), MAX_DIMENSION, "keyswitch input LWE dimension");
            int output = bounded(in.readInt(), MAX_DIMENSION, "keyswitch output LWE dimension");
            int baseLog = bounded(in.readInt(), 64, "keyswitch base log");
            int levels = bounded(in.readInt(), 64, "keyswitch levels");
            checkDecomposition(baseLog, levels, "keyswitch");
            byte[] seed = readSeed(in);
            requireAvailable(in, 8L * input * levels, "seeded keyswitch key");
            SeededLweKeyswitchKey key = new SeededLweKeyswitchKey(new LweDimension(input), new LweDimension(output),
                    new DecompositionBaseLog(baseLog), new DecompositionLevelCount(levels), seed);
            readLongs(in, key.bodies());
            return key;
        });
    }

    /** A seeded standard-domain bootstrap key: its sizes, its public mask seed and the bodies of its GGSW rows. */
    public static byte[] write(SeededLweBootstrapKey key) {
        return bytes(ArtifactType.SEEDED_LWE_BOOTSTRAP_KEY, out -> {
            out.writeInt(key.inputLweDimension().value());
            out.writeInt(key.glweDimension().value());
            out.writeInt(key.polynomialSize().value());
            out.writeInt(key.baseLog().value());
            out.writeInt(key.levels().value());
            out.write(key.maskSeed());
            writeLongs(out, key.bodies());
        });
    }

    public static SeededLweBootstrapKey readSeededLweBootstrapKey(byte[] bytes) {
        return parse(bytes, ArtifactType.SEEDED_LWE_BOOTSTRAP_KEY, in -> {
            int n = bounded(in.readInt(), MAX_DIMENSION, "bootstrap input LWE dimension");
            int k = bounded(in.readInt(), 16, "GLWE dimension");
            int bigN = bounded(in.readInt(), PolynomialSize.MAX, "polynomial size");
            int baseLog = bounded(in.readInt(), 64, "bootstrap base log");
            int levels = bounded(in.readInt(), 64, "bootstrap levels");
            checkDecomposition(baseLog, levels, "bootstrap");
            byte[] seed = readSeed(in);
            requireAvailable(in, 8L * n * levels * (k + 1) * bigN, "seeded bootstrap key");
            SeededLweBootstrapKey key = new SeededLweBootstrapKey(new LweDimension(n), new GlweDimension(k),
                    new PolynomialSize(bigN), new DecompositionBaseLog(baseLog), new DecompositionLevelCount(levels),
                    seed);
            readLongs(in, key.bodies());
            return key;
        });
    }

    /**
     * The evaluation keys in seeded form: parameters, the two mask seeds (keyswitch, bootstrap), the keyswitch key's
     * bodies, the bootstrap key's bodies. About half a {@link #write(ServerKey)}; the server reads it with
     * {@link #readSeededServerKey} and decompresses it, or with {@link #readAnyServerKey}.
     */
    public static byte[] write(SeededServerKey key) {
        return bytes(ArtifactType.SEEDED_SERVER_KEY, out -> {
            writeParameters(out, key.parameters());
            out.write(key.keyswitchKey().maskSeed());
            out.write(key.bootstrapKey().maskSeed());
            writeLongs(out, key.keyswitchKey().bodies());
            writeLongs(out, key.bootstrapKey().bodies());
        });
    }

    public static SeededServerKey readSeededServerKey(byte[] bytes) {
        return parse(bytes, ArtifactType.SEEDED_SERVER_KEY, in -> {
            TfheParameters p = readParameters(in);
            byte[] kskSeed = readSeed(in);
            byte[] bskSeed = readSeed(in);
            long kskBodies = (long) p.bigLweDimension().value() * p.ksLevels().value();
            long bskBodies = (long) p.lweDimension().value() * p.pbsLevels().value() * p.glweDimension().glweSize()
                    * p.polynomialSize().value();
            requireAvailable(in, 8 * (kskBodies + bskBodies), "seeded server key");
            SeededLweKeyswitchKey ksk = new SeededLweKeyswitchKey(p.bigLweDimension(), p.lweDimension(), p.ksBaseLog(),
                    p.ksLevels(), kskSeed);
            SeededLweBootstrapKey bsk = new SeededLweBootstrapKey(p.lweDimension(), p.glweDimension(),
                    p.polynomialSize(), p.pbsBaseLog(), p.pbsLevels(), bskSeed);
            readLongs(in, ksk.bodies());
            readLongs(in, bsk.bodies());
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
        return bytes(ArtifactType.CLIENT_KEY, out -> {
            writeParameters(out, key.parameters());
            for (long bit : key.glweKey().coefficients()) {
                out.writeByte((int) bit);
            }
            for (long bit : key.smallLweKey().coefficients()) {
                out.writeByte((int) bit);
            }
        });
    }

    public static ClientKey readClientKey(byte[] bytes) {
        return parse(bytes, ArtifactType.CLIENT_KEY, in -> {
            TfheParameters p = readParameters(in);
            int glweBits = p.bigLweDimension().value();
            int lweBits = p.lweDimension().value();
            requireAvailable(in, (long) glweBits + lweBits, "client key");
            GlweSecretKey glwe = new GlweSecretKey(p.glweDimension(), p.polynomialSize(), readBits(in, glweBits));
            return new ClientKey(p, glwe, new LweSecretKey(readBits(in, lweBits)));
        });
    }

    private static long[] readBits(DataInputStream in, int count) throws IOException {
        long[] bits = new long[count];
        for (int i = 0; i < count; i++) {
            int bit = in.readUnsignedByte();
            if (bit > 1) {
                throw new ArtifactException("Secret key coefficient " + i + " is " + bit + ", not 0 or 1.");
            }
            bits[i] = bit;
        }
        return bits;
    }

    private static void writeParameters(DataOutputStream out, TfheParameters p) throws IOException {
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

    private static TfheParameters readParameters(DataInputStream in) throws IOException {
        int n = bounded(in.readInt(), 1 << 15, "LWE dimension");
        int k = bounded(in.readInt(), 16, "GLWE dimension");
        int bigN = bounded(in.readInt(), 1 << 17, "polynomial size");
        double lweStd = in.readDouble();
        double glweStd = in.readDouble();
        int pbsBaseLog = bounded(in.readInt(), 64, "bootstrap base log");
        int pbsLevels = bounded(in.readInt(), 64, "bootstrap levels");
        int ksBaseLog = bounded(in.readInt(), 64, "keyswitch base log");
        int ksLevels = bounded(in.readInt(), 64, "keyswitch levels");
        try {
            return TfheParameters.of(n, k, bigN, lweStd, glweStd, pbsBaseLog, pbsLevels, ksBaseLog, ksLevels);
        } catch (IllegalArgumentException e) {
            throw new ArtifactException("The artifact's parameters are inconsistent: " + e.getMessage(), e);
        }
    }

    private static byte[] readSeed(DataInputStream in) throws IOException {
        byte[] seed = new byte[16];
        in.readFully(seed);
        return seed;
    }

    private static void writeLongs(DataOutputStream out, long[] words) throws IOException {
        for (long word : words) {
            out.writeLong(word);
        }
    }

    private static void readLongs(DataInputStream in, long[] words) throws IOException {
        for (int i = 0; i < words.length; i++) {
            words[i] = in.readLong();
        }
    }

    private static void checkDecomposition(int baseLog, int levels, String what) {
        if (baseLog * levels > 64) {
            throw new ArtifactException("The artifact's " + what + " decomposition covers base log " + baseLog + " × "
                    + levels + " levels, more than the 64 bits of the torus: it is damaged.");
        }
    }

    /** Refuses, before allocating, a body longer than the bytes that are left: a forged size. */
    private static void requireAvailable(DataInputStream in, long bytes, String what) throws IOException {
        if (bytes > in.available()) {
            throw new ArtifactException("The " + what + " artifact announces " + bytes + " bytes of data but holds "
                    + in.available() + ": it is truncated or its sizes are forged.");
        }
    }

    /** Writes the body of an artifact. */
    @FunctionalInterface
    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads the body of an artifact. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** The artifact: header, body, and a CRC32 of both. */
    private static byte[] bytes(ArtifactType type, Writer body) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            ArtifactHeader.write(out, type);
            body.write(out);
            out.flush();
            out.writeInt((int) checksum(buffer.toByteArray(), buffer.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static long checksum(byte[] bytes, int length) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    /** Checks the trailing CRC32, then the header, then reads the body, which must end where the checksum starts. */
    private static <T> T parse(byte[] bytes, ArtifactType type, Reader<T> body) {
        if (bytes == null || bytes.length < Integer.BYTES) {
            throw new ArtifactException("The " + type + " artifact is empty or truncated.");
        }
        int length = bytes.length - Integer.BYTES;
        int stored = java.nio.ByteBuffer.wrap(bytes, length, Integer.BYTES).getInt();
        if (stored != (int) checksum(bytes, length)) {
            if (bytes.length >= ArtifactHeader.MAGIC.length
                    && !java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, ArtifactHeader.MAGIC.length),
                            ArtifactHeader.MAGIC)) {
                throw new ArtifactException("Not an fheml artifact: it does not start with \"FHEML\".");
            }
            throw new ArtifactException("The " + type + " artifact is damaged or truncated: its checksum does not "
                    + "match its content.");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, length))) {
            ArtifactHeader.read(in, type);
            T value = body.read(in);
            if (in.available() > 0) {
                throw new ArtifactException("The " + type + " artifact has " + in.available()
                        + " unexpected bytes after its data: it is damaged or of another kind.");
            }
            return value;
        } catch (EOFException e) {
            throw new ArtifactException("The " + type + " artifact is truncated.", e);
        } catch (ArtifactException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ArtifactException("The " + type + " artifact's sizes are inconsistent: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int bounded(int value, int max, String what) {
        if (value < 0 || value > max) {
            throw new ArtifactException("The artifact's " + what + " is " + value + ", outside 0.." + max
                    + ": it is damaged.");
        }
        return value;
    }
}

package org.fheml.tfhe.serialization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.fheml.tfhe.compression.SeededLweCiphertextList;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.params.LweDimension;

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
            long[] bodies = new long[bounded(in.readInt(), MAX_COUNT, "ciphertext count")];
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
            long[] bits = new long[bounded(in.readInt(), MAX_DIMENSION, "LWE dimension")];
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

    private static byte[] bytes(ArtifactType type, Writer body) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            ArtifactHeader.write(out, type);
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static <T> T parse(byte[] bytes, ArtifactType type, Reader<T> body) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            ArtifactHeader.read(in, type);
            T value = body.read(in);
            if (in.available() > 0) {
                throw new ArtifactException("The " + type + " artifact has " + in.available()
                        + " unexpected bytes after its data: it is damaged or of another kind.");
            }
            return value;
        } catch (EOFException e) {
            throw new ArtifactException("The " + type + " artifact is truncated.", e);
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

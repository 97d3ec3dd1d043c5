package org.fheml.compilation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.serialization.TfheArtifacts;

/** The bytes of a circuit's arguments or results: clear tensors as values, encrypted ones as ciphertext artifacts. */
final class EncryptedValuesCodec {

    private static final int MAX_VALUES = 1 << 16;

    private EncryptedValuesCodec() {
    }

    static byte[] write(EncryptedValues values) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(values.values().size());
            for (Object value : values.values()) {
                Shape shape = value instanceof EncryptedTensor e ? e.shape() : ((LongTensor) value).shape();
                out.writeBoolean(value instanceof EncryptedTensor);
                int[] dims = shape.dims();
                out.writeInt(dims.length);
                for (int d : dims) {
                    out.writeInt(d);
                }
                if (value instanceof EncryptedTensor e) {
                    byte[] ciphertexts = TfheArtifacts.write(e.ciphertexts());
                    out.writeInt(ciphertexts.length);
                    out.write(ciphertexts);
                } else {
                    for (long v : ((LongTensor) value).toArray()) {
                        out.writeLong(v);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    static EncryptedValues read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int count = in.readInt();
            if (count < 0 || count > MAX_VALUES) {
                throw new IllegalArgumentException("The values hold " + count + " tensors: the bytes are damaged.");
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                boolean encrypted = in.readBoolean();
                int rank = in.readInt();
                if (rank < 0 || rank > 64) {
                    throw new IllegalArgumentException("A tensor of rank " + rank + ": the bytes are damaged.");
                }
                int[] dims = new int[rank];
                for (int d = 0; d < rank; d++) {
                    dims[d] = in.readInt();
                }
                Shape shape = Shape.of(dims);
                if (encrypted) {
                    int length = in.readInt();
                    if (length < 0 || length > in.available()) {
                        throw new IllegalArgumentException("A ciphertext artifact of " + length + " bytes in "
                                + in.available() + ": the bytes are truncated or forged.");
                    }
                    byte[] artifact = new byte[length];
                    in.readFully(artifact);
                    LweCiphertextList list = TfheArtifacts.readLweCiphertextList(artifact);
                    values.add(new EncryptedTensor(shape, list));
                } else {
                    if (8L * shape.size() > in.available()) {
                        throw new IllegalArgumentException("A clear tensor of shape " + shape + " in " + in.available()
                                + " bytes: the bytes are truncated or forged.");
                    }
                    long[] data = new long[shape.size()];
                    for (int e = 0; e < data.length; e++) {
                        data[e] = in.readLong();
                    }
                    values.add(LongTensor.of(shape, data));
                }
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("Unexpected bytes after the values: they are damaged.");
            }
            return new EncryptedValues(values);
        } catch (EOFException e) {
            throw new IllegalArgumentException("The values are truncated.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

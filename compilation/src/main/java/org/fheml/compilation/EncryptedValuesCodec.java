package org.fheml.compilation;

import java.util.ArrayList;
import java.util.List;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.serialization.ArtifactException;
import org.fheml.tfhe.serialization.ArtifactReader;
import org.fheml.tfhe.serialization.ArtifactType;
import org.fheml.tfhe.serialization.ArtifactWriter;
import org.fheml.tfhe.serialization.TfheArtifacts;

/**
 * The bytes of a circuit's arguments or results, an {@link ArtifactType#ENCRYPTED_VALUES} artifact: the key-set id
 * they were encrypted for, then each tensor (encrypted flag, shape, and either its ciphertexts or its clear values).
 * Reading checks them against what the circuit expects (count, shapes, encryption, LWE dimension).
 */
final class EncryptedValuesCodec {

    private static final int MAX_VALUES = 1 << 16;
    private static final int MAX_RANK = 64;

    private EncryptedValuesCodec() {
    }

    /** What the bytes stand for: a request's arguments (refused as {@link InvalidRequestException}s) or results. */
    enum Role {
        ARGUMENTS("argument"), RESULTS("result");

        private final String noun;

        Role(String noun) {
            this.noun = noun;
        }
    }

    /** Values read back, with the key set they belong to. */
    record Decoded(KeySetId keySet, EncryptedValues values) {
    }

    static byte[] write(KeySetId keySet, EncryptedValues values) {
        return writer(keySet, values).toBytes();
    }

    static ArtifactWriter writer(KeySetId keySet, EncryptedValues values) {
        ArtifactWriter out = ArtifactWriter.of(ArtifactType.ENCRYPTED_VALUES).writeBytes(keySet.toBytes());
        out.writeSize(values.values().size());
        for (Object value : values.values()) {
            Shape shape = value instanceof EncryptedTensor e ? e.shape() : ((LongTensor) value).shape();
            out.writeBoolean(value instanceof EncryptedTensor);
            int[] dims = shape.dims();
            out.writeSize(dims.length);
            for (int d : dims) {
                out.writeSize(d);
            }
            if (value instanceof EncryptedTensor e) {
                TfheArtifacts.writeLweCiphertextList(out, e.ciphertexts());
            } else {
                out.writeLongArray(((LongTensor) value).toArray());
            }
        }
        return out;
    }

    /**
     * @param expected  the nodes the values stand for (the circuit's inputs, or its outputs), in order
     * @param dimension the LWE dimension of the circuit's ciphertexts
     * @param role      whether they are arguments or results: arguments that do not fit are an invalid request
     */
    static Decoded read(byte[] bytes, List<Node> expected, int dimension, Role role) {
        return ArtifactReader.read(bytes, ArtifactType.ENCRYPTED_VALUES, in -> {
            KeySetId keySet = KeySetId.fromBytes(in.readBytes(KeySetId.BYTES, "key-set id"));
            int count = in.readSize(MAX_VALUES, 5, "tensor count");
            if (count != expected.size()) {
                throw mismatch(in, role, InvalidRequestException.Problem.ARGUMENT_COUNT, "holds " + count + " "
                        + role.noun + "(s); the circuit has " + expected.size() + ".");
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Node node = expected.get(i);
                String name = role.noun + " " + i + (node.op() instanceof Op.Input input ? " (" + input.name() + ")" : "");
                boolean encrypted = in.readBoolean("encryption flag");
                int[] dims = new int[in.readSize(MAX_RANK, 4, "rank")];
                for (int d = 0; d < dims.length; d++) {
                    dims[d] = in.readInt();
                }
                Shape shape = Shape.of(dims);
                if (encrypted != node.isEncrypted() || !shape.equals(node.shape())) {
                    throw mismatch(in, role, encrypted != node.isEncrypted() ? InvalidRequestException.Problem.ENCRYPTION
                            : InvalidRequestException.Problem.SHAPE, "holds " + name + " as " + (encrypted ? "encrypted" : "clear") + " of shape "
                            + shape + "; the circuit takes it " + (node.isEncrypted() ? "encrypted" : "clear")
                            + " of shape " + node.shape() + ".");
                }
                if (encrypted) {
                    LweCiphertextList list = TfheArtifacts.readLweCiphertextList(in);
                    if (list.dimension().value() != dimension) {
                        throw mismatch(in, role, InvalidRequestException.Problem.LWE_DIMENSION, "holds " + name + " as ciphertexts of LWE dimension " + list.dimension().value()
                                + "; the circuit's keys have dimension " + dimension + ".");
                    }
                    values.add(new EncryptedTensor(shape, list));
                } else {
                    values.add(LongTensor.of(shape, in.readLongArray(Integer.MAX_VALUE, name)));
                }
            }
            return new Decoded(keySet, new EncryptedValues(values));
        });
    }

    private static ArtifactException mismatch(ArtifactReader in, Role role, InvalidRequestException.Problem problem,
            String message) {
        ArtifactException error = in.error(message);
        return role == Role.ARGUMENTS ? new InvalidRequestException(problem, error.getMessage()) : error;
    }
}

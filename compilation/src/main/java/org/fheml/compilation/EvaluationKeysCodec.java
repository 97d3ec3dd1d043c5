package org.fheml.compilation;

import org.fheml.tfhe.compression.SeededServerKey;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.serialization.ArtifactReader;
import org.fheml.tfhe.serialization.ArtifactType;
import org.fheml.tfhe.serialization.ArtifactWriter;
import org.fheml.tfhe.serialization.TfheArtifacts;

/**
 * The evaluation keys a client hands to a server, an {@link ArtifactType#EVALUATION_KEYS} artifact: the key-set id,
 * then the server key as a nested artifact, seeded ({@link ArtifactType#SEEDED_SERVER_KEY}) or plain
 * ({@link ArtifactType#SERVER_KEY}), or none for a circuit without bootstraps, whose server still needs the id.
 */
final class EvaluationKeysCodec {

    /** What the bundle holds besides its id. */
    enum Form {
        NONE, SEEDED, PLAIN
    }

    private EvaluationKeysCodec() {
    }

    /** The bundle read back: the id, the form, and the nested server key artifact (empty for none). */
    record Decoded(KeySetId keySet, Form form, byte[] serverKey) {

        /** The server key, decompressed when seeded; null for none. */
        ServerKey load() {
            return switch (form) {
                case NONE -> null;
                case SEEDED -> TfheArtifacts.readSeededServerKey(serverKey).decompress();
                case PLAIN -> TfheArtifacts.readServerKey(serverKey);
            };
        }
    }

    static byte[] write(KeySetId keySet, SeededServerKey seeded) {
        return writer(keySet, seeded == null ? Form.NONE : Form.SEEDED,
                seeded == null ? null : TfheArtifacts.write(seeded)).toBytes();
    }

    static byte[] write(KeySetId keySet, ServerKey plain) {
        return writer(keySet, Form.PLAIN, TfheArtifacts.write(plain)).toBytes();
    }

    static ArtifactWriter writer(KeySetId keySet, Form form, byte[] serverKey) {
        ArtifactWriter out = ArtifactWriter.of(ArtifactType.EVALUATION_KEYS).writeBytes(keySet.toBytes())
                .writeByte(form.ordinal());
        if (form != Form.NONE) {
            out.writeArtifact(serverKey);
        }
        return out;
    }

    static Decoded read(byte[] bytes) {
        return ArtifactReader.read(bytes, ArtifactType.EVALUATION_KEYS, in -> {
            KeySetId keySet = KeySetId.fromBytes(in.readBytes(KeySetId.BYTES, "key-set id"));
            int kind = in.readUnsignedByte();
            if (kind >= Form.values().length) {
                throw in.error("has an unknown server key form " + kind + ": it is damaged or newer than this fheml.");
            }
            Form form = Form.values()[kind];
            return new Decoded(keySet, form, form == Form.NONE ? new byte[0] : in.readArtifact("server key"));
        });
    }
}

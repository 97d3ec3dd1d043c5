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
 * ({@link ArtifactType#SERVER_KEY}), or none for a circuit without bootstraps, whose server still needs the id; for a
 * multi-parameter circuit ({@link Form#SEEDED_PARTITIONS}), a count and one seeded server key per partition, in
 * partition order. Readers before multi-parameter circuits refuse that form as unknown.
 */
final class EvaluationKeysCodec {

    /** What the bundle holds besides its id. */
    enum Form {
        NONE, SEEDED, PLAIN, SEEDED_PARTITIONS
    }

    /** The most partitions an artifact may name. */
    static final int MAX_PARTITIONS = 64;

    private EvaluationKeysCodec() {
    }

    /**
     * The bundle read back: the id, the form, the nested server key artifact (empty for none; the first partition's
     * for partitions) and every partition's (one for a single key, none for none).
     */
    record Decoded(KeySetId keySet, Form form, byte[] serverKey, java.util.List<byte[]> serverKeys) {

        /** The server key, decompressed when seeded; null for none; the first partition's for partitions. */
        ServerKey load() {
            return form == Form.NONE ? null : load(0);
        }

        /** Every partition's server key (one for a single key, none for none), decompressed. */
        java.util.List<ServerKey> loadAll() {
            java.util.List<ServerKey> keys = new java.util.ArrayList<>();
            for (int i = 0; i < serverKeys.size(); i++) {
                keys.add(load(i));
            }
            return keys;
        }

        private ServerKey load(int index) {
            return form == Form.PLAIN ? TfheArtifacts.readServerKey(serverKeys.get(index))
                    : TfheArtifacts.readSeededServerKey(serverKeys.get(index)).decompress();
        }

        /** The parameters each held key was made for, in partition order, without building the keys. */
        java.util.List<org.fheml.tfhe.params.TfheParameters> heldParameters() {
            return serverKeys.stream().map(bytes -> form == Form.PLAIN ? TfheArtifacts.readServerKey(bytes).parameters()
                    : TfheArtifacts.readSeededServerKey(bytes).parameters()).toList();
        }

        /**
         * Checks that the held keys are those a bootstrapping circuit needs: one per partition, each for its set.
         *
         * @throws org.fheml.tfhe.serialization.ArtifactException naming what differs
         */
        void requireFits(CircuitParameters.Bootstrapped parameters, String owner) {
            if (form == Form.NONE) {
                throw new org.fheml.tfhe.serialization.ArtifactException("The EVALUATION_KEYS artifact holds no "
                        + "server key, but this circuit bootstraps: the server needs the client's evaluation keys "
                        + "(Circuit.evaluationKeys()).");
            }
            if (serverKeys.size() != parameters.partitionCount()) {
                throw new org.fheml.tfhe.serialization.ArtifactException("The EVALUATION_KEYS artifact holds "
                        + serverKeys.size() + " server key(s), but this circuit bootstraps with "
                        + parameters.partitionCount() + " parameter set(s): they are " + owner + " keys.");
            }
            java.util.List<org.fheml.tfhe.params.TfheParameters> held = heldParameters();
            for (int i = 0; i < held.size(); i++) {
                var needed = parameters.pbs(i).toTfheParameters();
                if (!held.get(i).equals(needed)) {
                    throw new org.fheml.tfhe.serialization.ArtifactException("The EVALUATION_KEYS artifact holds keys "
                            + "for parameters " + held.get(i) + (held.size() > 1 ? " (partition " + i + ")" : "")
                            + ", but this circuit needs " + needed + ": they are " + owner + " keys.");
                }
            }
        }
    }

    /** Every partition's seeded server key, in partition order. */
    static byte[] write(KeySetId keySet, java.util.List<SeededServerKey> partitions) {
        ArtifactWriter out = ArtifactWriter.of(ArtifactType.EVALUATION_KEYS).writeBytes(keySet.toBytes())
                .writeByte(Form.SEEDED_PARTITIONS.ordinal());
        out.writeSize(partitions.size());
        for (SeededServerKey key : partitions) {
            out.writeArtifact(TfheArtifacts.write(key));
        }
        return out.toBytes();
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
            if (form == Form.SEEDED_PARTITIONS) {
                int count = in.readSize(MAX_PARTITIONS, 8, "partition count");
                if (count < 2) {
                    throw in.error("holds " + count + " partition keys, fewer than a multi-parameter circuit has: it "
                            + "is damaged.");
                }
                java.util.List<byte[]> keys = new java.util.ArrayList<>();
                for (int i = 0; i < count; i++) {
                    keys.add(in.readArtifact("server key of partition " + i));
                }
                return new Decoded(keySet, form, keys.getFirst(), java.util.List.copyOf(keys));
            }
            byte[] key = form == Form.NONE ? new byte[0] : in.readArtifact("server key");
            return new Decoded(keySet, form, key, form == Form.NONE ? java.util.List.of() : java.util.List.of(key));
        });
    }
}

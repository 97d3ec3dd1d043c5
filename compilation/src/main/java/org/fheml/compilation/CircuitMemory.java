package org.fheml.compilation;

import org.fheml.tfhe.entities.Torus32KeyswitchKey;
import org.fheml.tfhe.params.TfheParameters;

/**
 * The memory a circuit's keys and evaluation take, worked out from its parameters before anything is allocated.
 * Key generation draws the seeded keys, then expands them: the keyswitch key (and its 32-bit copy when that is
 * precise enough), and the bootstrap key in standard form, converted to the Fourier form the server keeps. Loading
 * evaluation keys on a server does the same from the seeded bytes.
 *
 * <p>A multi-parameter circuit has one keyswitch key and one bootstrap key per partition: every figure sums them.
 *
 * @param seededKeyBytes       the seeded evaluation keys a client sends (bodies and seeds)
 * @param keyswitchKeyBytes    the keyswitch key, standard form, plus its 32-bit copy when the circuit uses one
 * @param standardBootstrapKeyBytes the bootstrap key in standard form, alive while it is converted
 * @param fourierBootstrapKeyBytes  the bootstrap key in Fourier form, what evaluation keeps
 * @param keyGenerationBytes   the peak of key generation: seeded keys, keyswitch keys, both bootstrap key forms
 * @param serverLoadBytes      the peak of loading seeded evaluation keys on a server: the same, read from bytes
 * @param batchBytesPerRow     ciphertexts one evaluation holds at once: every encrypted value of the circuit and
 *                             the inputs and outputs of its bootstraps
 * @param evaluationBytes      what evaluating one row needs: the keys a server keeps and one row's ciphertexts
 */
public record CircuitMemory(long seededKeyBytes, long keyswitchKeyBytes, long standardBootstrapKeyBytes,
        long fourierBootstrapKeyBytes, long keyGenerationBytes, long serverLoadBytes, long batchBytesPerRow,
        long evaluationBytes) {

    static final CircuitMemory NONE = new CircuitMemory(0, 0, 0, 0, 0, 0, 0, 0);

    static CircuitMemory of(Graph graph, CircuitParameters parameters) {
        long encryptedElements = graph.nodes().stream().filter(Node::isEncrypted)
                .mapToLong(n -> n.shape().size()).sum();
        return switch (parameters) {
            case null -> NONE;
            case CircuitParameters.Leveled leveled -> {
                long batch = encryptedElements * leveled.lwe().ciphertextBytes();
                yield new CircuitMemory(0, 0, 0, 0, 0, 0, batch, batch);
            }
            case CircuitParameters.Bootstrapped b -> {
                long seeded = 0;
                long keyswitch = 0;
                long bootstrap = 0;
                for (int i = 0; i < b.partitionCount(); i++) {
                    TfheParameters p = b.pbs(i).toTfheParameters();
                    long kskBodies = 8L * p.bigLweDimension().value() * p.ksLevels().value();
                    long bskBodies = 8L * p.lweDimension().value() * p.pbsLevels().value()
                            * p.glweDimension().glweSize() * p.polynomialSize().value();
                    seeded += kskBodies + bskBodies + 32;
                    keyswitch += p.keyswitchKeyBytes()
                            + (Torus32KeyswitchKey.isNegligible(p) ? p.keyswitchKeyBytes() / 2 : 0);
                    bootstrap += p.bootstrapKeyBytes();
                }
                TfheParameters p = b.pbs().toTfheParameters();
                long ciphertext = 8L * (p.bigLweDimension().value() + 1);
                long batch = ciphertext * (encryptedElements + 2 * b.bootstrapCount());
                yield new CircuitMemory(seeded, keyswitch, bootstrap, bootstrap, seeded + keyswitch + 2 * bootstrap,
                        seeded + keyswitch + 2 * bootstrap, batch, keyswitch + bootstrap + batch);
            }
        };
    }

    /** Bytes in gigabytes (10^9) or megabytes, as messages print them. */
    static String format(long bytes) {
        return bytes >= 1_000_000_000L ? String.format("%.1f GB", bytes / 1e9) : String.format("%.1f MB", bytes / 1e6);
    }

    /** What the keys are made of, for messages. */
    String keyBreakdown() {
        return "bootstrap key " + format(standardBootstrapKeyBytes) + " in standard form and "
                + format(fourierBootstrapKeyBytes) + " in Fourier form, keyswitch keys " + format(keyswitchKeyBytes)
                + ", seeded keys " + format(seededKeyBytes);
    }
}

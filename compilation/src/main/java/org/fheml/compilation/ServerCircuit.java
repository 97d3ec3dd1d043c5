package org.fheml.compilation;

import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.serialization.TfheArtifacts;

/**
 * The server's side of a circuit: built from the client's circuit specification and evaluation keys, both bytes,
 * it turns encrypted arguments into encrypted results. It holds no secret key and cannot decrypt anything.
 */
public final class ServerCircuit {

    private final CiphertextEvaluator evaluator;
    private final int argumentCount;

    private ServerCircuit(CiphertextEvaluator evaluator, int argumentCount) {
        this.evaluator = evaluator;
        this.argumentCount = argumentCount;
    }

    /**
     * @param specification  {@link Circuit#serverSpecification()} of the client's circuit
     * @param evaluationKeys {@link Circuit#evaluationKeys()}, seeded or plain server key artifact (empty for a circuit
     *                       without bootstraps)
     * @param threads        threads for the bootstraps of a node
     */
    public static ServerCircuit load(byte[] specification, byte[] evaluationKeys, int threads) {
        CircuitSpecification.Loaded loaded = CircuitSpecification.read(specification);
        ServerKey serverKey = null;
        if (loaded.parameters() instanceof CircuitParameters.Bootstrapped) {
            if (evaluationKeys == null || evaluationKeys.length == 0) {
                throw new IllegalArgumentException("This circuit bootstraps: the server needs the client's evaluation "
                        + "keys (Circuit.evaluationKeys()).");
            }
            serverKey = TfheArtifacts.readAnyServerKey(evaluationKeys);
        }
        return new ServerCircuit(CiphertextEvaluator.create(loaded.graph(), loaded.parameters(), serverKey, threads,
                loaded.tables()), loaded.graph().inputs().size());
    }

    /** Runs the circuit on the client's encrypted arguments ({@link Circuit#encryptToBytes}); returns its results. */
    public byte[] run(byte[] arguments) {
        EncryptedValues values = EncryptedValuesCodec.read(arguments);
        if (values.values().size() != argumentCount) {
            throw new IllegalArgumentException("The circuit takes " + argumentCount + " argument(s), got "
                    + values.values().size() + ".");
        }
        return EncryptedValuesCodec.write(new EncryptedValues(evaluator.run(values.values())));
    }
}

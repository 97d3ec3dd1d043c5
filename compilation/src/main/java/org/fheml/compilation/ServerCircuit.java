package org.fheml.compilation;

import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.serialization.TfheArtifacts;

/**
 * The server's side of a circuit: built from the client's circuit specification and evaluation keys, both bytes,
 * it turns encrypted arguments into encrypted results. It holds no secret key and cannot decrypt anything.
 *
 * <p>Thread-safe: any number of threads may call {@link #run} at once. The specification, the keys and every
 * lookup's tables are built once at {@link #load} and only read afterwards; each request has its own buffers, and
 * the bootstraps of all requests share the circuit's bounded pool of {@code threads} threads, each task with its own
 * scratch. A request is validated against the specification before it is evaluated; a refused request
 * ({@link InvalidRequestException}) leaves nothing behind, and the next valid one is served correctly.
 *
 * <p>Lifecycle: a server circuit owns its bootstrap threads and its keys. {@link #close()} stops the threads at once
 * (and waits for them); a circuit dropped without closing lets its idle threads end after a few seconds. Close it
 * when it is no longer needed, e.g. with try-with-resources; {@link #run} after close fails.
 */
public final class ServerCircuit implements AutoCloseable {

    private final CiphertextEvaluator evaluator;
    private volatile boolean closed;

    private ServerCircuit(CiphertextEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * @param specification  {@link Circuit#serverSpecification()} of the client's circuit
     * @param evaluationKeys {@link Circuit#evaluationKeys()}, seeded or plain server key artifact (empty for a circuit
     *                       without bootstraps)
     * @param threads        threads for the bootstraps of all requests together
     */
    public static ServerCircuit load(byte[] specification, byte[] evaluationKeys, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("A server circuit needs at least 1 thread, got " + threads + ".");
        }
        CircuitSpecification.Loaded loaded = CircuitSpecification.read(specification);
        ServerKey serverKey = null;
        if (loaded.parameters() instanceof CircuitParameters.Bootstrapped bootstrapped) {
            if (evaluationKeys == null || evaluationKeys.length == 0) {
                throw new IllegalArgumentException("This circuit bootstraps: the server needs the client's evaluation "
                        + "keys (Circuit.evaluationKeys()).");
            }
            serverKey = TfheArtifacts.readAnyServerKey(evaluationKeys);
            if (!serverKey.parameters().equals(bootstrapped.pbs().toTfheParameters())) {
                throw new IllegalArgumentException("The evaluation keys were made for the parameters "
                        + serverKey.parameters() + ", the circuit was compiled for " + bootstrapped.pbs().toTfheParameters()
                        + ": send the keys of this circuit's client (Circuit.evaluationKeys()).");
            }
        }
        return new ServerCircuit(CiphertextEvaluator.create(loaded.graph(), loaded.parameters(), serverKey, threads,
                loaded.tables()));
    }

    /**
     * Runs the circuit on the client's encrypted arguments ({@link Circuit#encryptToBytes}); returns its results.
     *
     * @throws InvalidRequestException when the bytes are damaged or the arguments do not fit the circuit
     * @throws IllegalStateException   after {@link #close()}
     */
    public byte[] run(byte[] arguments) {
        if (closed) {
            throw new IllegalStateException("This server circuit is closed.");
        }
        EncryptedValues values = decode(arguments);
        return EncryptedValuesCodec.write(new EncryptedValues(evaluator.run(values.values())));
    }

    private static EncryptedValues decode(byte[] arguments) {
        if (arguments == null) {
            throw new InvalidRequestException(InvalidRequestException.Problem.MALFORMED, "The request has no bytes.");
        }
        try {
            return EncryptedValuesCodec.read(arguments);
        } catch (RuntimeException e) {
            // decoding reads only the request's own bytes: whatever fails there, the bytes are at fault
            throw new InvalidRequestException(InvalidRequestException.Problem.MALFORMED,
                    "The request is not a circuit's encrypted arguments: " + e.getMessage(), e);
        }
    }

    /** Stops the bootstrap threads and waits for them to end. Idempotent. */
    @Override
    public void close() {
        closed = true;
        evaluator.close();
    }
}

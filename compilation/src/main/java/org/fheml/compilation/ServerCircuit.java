package org.fheml.compilation;

import java.util.List;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.serialization.ArtifactException;

/**
 * The server's side of a circuit: built from the client's circuit specification and evaluation keys, both bytes,
 * it turns encrypted arguments into encrypted results. It holds no secret key and cannot decrypt anything. It
 * refuses arguments encrypted for another key set than its evaluation keys', and stamps its results with that id.
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
    private final KeySetId keySet;
    private final List<Node> inputs;
    private final int dimension;
    private volatile boolean closed;

    private ServerCircuit(CiphertextEvaluator evaluator, KeySetId keySet, List<Node> inputs, int dimension) {
        this.evaluator = evaluator;
        this.keySet = keySet;
        this.inputs = inputs;
        this.dimension = dimension;
    }

    /**
     * @param specification  {@link Circuit#serverSpecification()} of the client's circuit
     * @param evaluationKeys {@link Circuit#evaluationKeys()}: the key-set id and, for a circuit that bootstraps, the
     *                       seeded or plain server key
     * @param threads        threads for the bootstraps of all requests together
     * @throws ArtifactException when either is damaged, or the keys do not fit the circuit
     */
    public static ServerCircuit load(byte[] specification, byte[] evaluationKeys, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("A server circuit needs at least 1 thread, got " + threads + ".");
        }
        CircuitSpecification.Loaded loaded = CircuitSpecification.read(specification);
        EvaluationKeysCodec.Decoded keys = EvaluationKeysCodec.read(evaluationKeys);
        java.util.List<ServerKey> serverKeys = java.util.List.of();
        int dimension;
        switch (loaded.parameters()) {
            case CircuitParameters.Leveled leveled -> {
                if (keys.form() != EvaluationKeysCodec.Form.NONE) {
                    throw new ArtifactException("The EVALUATION_KEYS artifact holds a server key, but this circuit "
                            + "does not bootstrap: they are another circuit's keys.");
                }
                dimension = leveled.lwe().lweDimension();
            }
            case CircuitParameters.Bootstrapped bootstrapped -> {
                if (keys.form() == EvaluationKeysCodec.Form.NONE) {
                    throw new ArtifactException("The EVALUATION_KEYS artifact holds no server key, but this circuit "
                            + "bootstraps: the server needs the client's evaluation keys (Circuit.evaluationKeys()).");
                }
                CircuitMemory memory = CircuitMemory.of(loaded.graph(), bootstrapped);
                MemoryLimitException.requireHeap("Loading the evaluation keys", memory.serverLoadBytes(), memory);
                keys.requireFits(bootstrapped, "another circuit's");
                serverKeys = keys.loadAll();
                dimension = bootstrapped.pbs().toTfheParameters().bigLweDimension().value();
            }
        }
        return new ServerCircuit(CiphertextEvaluator.create(loaded.graph(), loaded.parameters(), serverKeys, threads,
                loaded.tables(), loaded.manyLut()), keys.keySet(), loaded.graph().inputs(), dimension);
    }

    /**
     * Runs the circuit on the client's encrypted arguments ({@link Circuit#encryptToBytes}); returns its results.
     *
     * @throws InvalidRequestException when the bytes are damaged or the arguments do not fit the circuit
     * @throws KeySetMismatchException when the arguments were encrypted for another key set
     * @throws IllegalStateException   after {@link #close()}
     */
    public byte[] run(byte[] arguments) {
        if (closed) {
            throw new IllegalStateException("This server circuit is closed.");
        }
        EncryptedValuesCodec.Decoded values = decode(arguments);
        KeySetMismatchException.check(keySet, values.keySet(), "The arguments",
                "the server's evaluation keys belong to");
        return EncryptedValuesCodec.write(keySet, new EncryptedValues(evaluator.run(values.values().values())));
    }

    /**
     * Runs many requests ({@link Circuit#encryptToBytes}, one a row) as one batch: the bootstraps of every request
     * run together, each layer's lookups in lockstep over the circuit's threads, so a batch costs less per request
     * than as many {@link #run} calls. Each request is decoded and checked on its own first: one that is refused
     * (damaged bytes, another shape, another key set) is not evaluated and does not stop the others.
     *
     * @return one outcome per request, in order
     * @throws IllegalStateException after {@link #close()}
     */
    public List<Outcome> runBatch(List<byte[]> requests) {
        if (closed) {
            throw new IllegalStateException("This server circuit is closed.");
        }
        Outcome[] outcomes = new Outcome[requests.size()];
        List<Integer> accepted = new java.util.ArrayList<>();
        List<List<Object>> arguments = new java.util.ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            try {
                EncryptedValuesCodec.Decoded values = decode(requests.get(i));
                KeySetMismatchException.check(keySet, values.keySet(), "The arguments",
                        "the server's evaluation keys belong to");
                arguments.add(values.values().values());
                accepted.add(i);
            } catch (InvalidRequestException | KeySetMismatchException e) {
                outcomes[i] = new Outcome.Refused(e);
            }
        }
        List<List<Object>> results = evaluator.runBatch(arguments);
        for (int k = 0; k < results.size(); k++) {
            outcomes[accepted.get(k)] = new Outcome.Evaluated(
                    EncryptedValuesCodec.write(keySet, new EncryptedValues(results.get(k))));
        }
        return List.of(outcomes);
    }

    /** What became of one request of a {@link #runBatch batch}. */
    public sealed interface Outcome {

        /** The request's encrypted results, the bytes {@link #run} would have returned. */
        record Evaluated(byte[] results) implements Outcome {
        }

        /**
         * The request was refused before evaluation: an {@link InvalidRequestException} (damaged bytes, wrong
         * shape or parameters) or a {@link KeySetMismatchException} (encrypted for another key set).
         */
        record Refused(RuntimeException reason) implements Outcome {
        }
    }

    /** The key set whose evaluation keys this server holds. */
    public KeySetId keySetId() {
        return keySet;
    }

    private EncryptedValuesCodec.Decoded decode(byte[] arguments) {
        if (arguments == null) {
            throw new InvalidRequestException(InvalidRequestException.Problem.MALFORMED, "The request has no bytes.");
        }
        try {
            return EncryptedValuesCodec.read(arguments, inputs, dimension, EncryptedValuesCodec.Role.ARGUMENTS);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (ArtifactException e) {
            throw new InvalidRequestException(InvalidRequestException.Problem.MALFORMED, e.getMessage(), e);
        }
    }

    /** Stops the bootstrap threads and waits for them to end. Idempotent. */
    @Override
    public void close() {
        closed = true;
        evaluator.close();
    }
}

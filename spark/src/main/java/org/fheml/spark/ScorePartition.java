package org.fheml.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fheml.compilation.InvalidRequestException;
import org.fheml.compilation.KeySetMismatchException;
import org.fheml.compilation.ServerCircuit;

/**
 * Scores one partition: reads its rows (id, ciphertext) in batches of {@link ScoreOptions#batchRows}, runs each
 * batch through the executor's shared {@link ServerCircuit} and yields (id, result, error) rows in input order.
 * A row the circuit refuses (damaged bytes, another model's or another client's ciphertexts, no bytes) gets a
 * null result and an error message; any other failure fails the task, and Spark runs it again: a task has no
 * side effect, so a retried partition yields exactly its rows once.
 */
final class ScorePartition implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<ModelAndKeys> model;
    private final int batchRows;
    private final int threads;

    ScorePartition(Broadcast<ModelAndKeys> model, int batchRows, int threads) {
        this.model = model;
        this.batchRows = batchRows;
        this.threads = threads;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        return new Batches(input);
    }

    private final class Batches implements Iterator<Row> {

        private final Iterator<Row> input;
        private final ArrayDeque<Row> ready = new ArrayDeque<>();
        private ServerCircuit circuit;

        Batches(Iterator<Row> input) {
            this.input = input;
        }

        @Override
        public boolean hasNext() {
            if (ready.isEmpty() && input.hasNext()) {
                runBatch();
            }
            return !ready.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.removeFirst();
        }

        private void runBatch() {
            if (circuit == null) {
                circuit = ExecutorCircuits.get(model.value(), threads);
            }
            List<Object> ids = new ArrayList<>(batchRows);
            List<byte[]> requests = new ArrayList<>(batchRows);
            while (requests.size() < batchRows && input.hasNext()) {
                Row row = input.next();
                ids.add(row.get(0));
                requests.add(row.isNullAt(1) ? null : (byte[]) row.get(1));
            }
            List<ServerCircuit.Outcome> outcomes = circuit.runBatch(requests);
            for (int i = 0; i < outcomes.size(); i++) {
                ready.addLast(switch (outcomes.get(i)) {
                    case ServerCircuit.Outcome.Evaluated evaluated -> RowFactory.create(ids.get(i),
                            evaluated.results(), null);
                    case ServerCircuit.Outcome.Refused refused -> RowFactory.create(ids.get(i), null,
                            describe(refused.reason()));
                });
            }
        }
    }

    /** The error column's text: the kind of problem, then what to change. */
    static String describe(RuntimeException reason) {
        String kind = switch (reason) {
            case InvalidRequestException invalid -> invalid.problem().name();
            case KeySetMismatchException mismatch -> "KEY_SET";
            default -> reason.getClass().getSimpleName();
        };
        return "refused (" + kind + "): " + reason.getMessage();
    }
}

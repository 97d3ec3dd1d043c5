package org.fheml.compilation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link ServerCircuit#runBatch}: every request of a batch gets what {@link ServerCircuit#run} would give it. */
class ServerCircuitBatchTest {

    private static final Circuit CLIENT = TestCircuits.insecure(TestCircuits.tree());
    private static final Circuit FOREIGN = TestCircuits.insecure(TestCircuits.tree());

    @Test
    void aBatchOfValidRequestsDecryptsToTheClearEvaluationOfEachRow() {
        SplittableRandom random = new SplittableRandom(7);
        List<long[]> rows = new ArrayList<>();
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long[] x = TestCircuits.input(CLIENT, random);
            rows.add(x);
            requests.add(CLIENT.encryptToBytes(x));
        }
        try (ServerCircuit server = ServerCircuit.load(CLIENT.serverSpecification(), CLIENT.evaluationKeys(), 2)) {
            List<ServerCircuit.Outcome> outcomes = server.runBatch(requests);
            assertEquals(rows.size(), outcomes.size());
            for (int i = 0; i < rows.size(); i++) {
                byte[] results = assertInstanceOf(ServerCircuit.Outcome.Evaluated.class, outcomes.get(i)).results();
                assertArrayEquals(CLIENT.evaluate(rows.get(i)), CLIENT.decryptBytes(results), "row " + i);
            }
            assertEquals(List.of(), server.runBatch(List.of()));
        }
    }

    @Test
    void refusedRequestsAreReportedInPlaceAndTheOthersAreEvaluated() {
        SplittableRandom random = new SplittableRandom(11);
        long[] first = TestCircuits.input(CLIENT, random);
        long[] last = TestCircuits.input(CLIENT, random);
        byte[] valid = CLIENT.encryptToBytes(first);
        List<byte[]> requests = Arrays.asList(valid, Arrays.copyOf(valid, valid.length / 2), null,
                FOREIGN.encryptToBytes(first), CLIENT.encryptToBytes(last));
        try (ServerCircuit server = ServerCircuit.load(CLIENT.serverSpecification(), CLIENT.evaluationKeys(), 1)) {
            List<ServerCircuit.Outcome> outcomes = server.runBatch(requests);
            assertArrayEquals(CLIENT.evaluate(first), CLIENT.decryptBytes(
                    assertInstanceOf(ServerCircuit.Outcome.Evaluated.class, outcomes.get(0)).results()));
            InvalidRequestException truncated = assertInstanceOf(InvalidRequestException.class,
                    assertInstanceOf(ServerCircuit.Outcome.Refused.class, outcomes.get(1)).reason());
            assertEquals(InvalidRequestException.Problem.MALFORMED, truncated.problem());
            assertInstanceOf(InvalidRequestException.class,
                    assertInstanceOf(ServerCircuit.Outcome.Refused.class, outcomes.get(2)).reason());
            RuntimeException foreign = assertInstanceOf(ServerCircuit.Outcome.Refused.class, outcomes.get(3)).reason();
            assertInstanceOf(KeySetMismatchException.class, foreign);
            assertArrayEquals(CLIENT.evaluate(last), CLIENT.decryptBytes(
                    assertInstanceOf(ServerCircuit.Outcome.Evaluated.class, outcomes.get(4)).results()));
            server.close();
            IllegalStateException closed = assertThrows(IllegalStateException.class,
                    () -> server.runBatch(List.of(valid)));
            assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        }
    }
}

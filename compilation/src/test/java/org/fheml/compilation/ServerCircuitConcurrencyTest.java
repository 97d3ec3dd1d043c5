package org.fheml.compilation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Many callers on one {@link ServerCircuit} (and one client {@link Circuit}) at once: every result equals the clear
 * evaluation. The 8 callers × 100 requests run in the default suite on the tiny INSECURE_TEST_P4 parameters;
 * on the circuits' own 128-bit parameters the default suite runs 8 × 4 requests and the slow suite 8 × 100.
 */
class ServerCircuitConcurrencyTest {

    private static final int CALLERS = 8;

    @Test
    void eightCallersTimesAHundredRequestsOnOneLookupServer() throws Exception {
        assertEquals(0, wrongResultsOnOneServer(() -> TestCircuits.insecure(TestCircuits.lookup()), 100));
    }

    @Test
    void eightCallersTimesAHundredRequestsOnOneTreeServer() throws Exception {
        assertEquals(0, wrongResultsOnOneServer(() -> TestCircuits.insecure(TestCircuits.tree()), 100));
    }

    @Test
    void eightCallersTimesAHundredRequestsOnOneClientCircuit() throws Exception {
        try (Circuit circuit = TestCircuits.insecure(TestCircuits.tree())) {
            int wrong = concurrently(100, random -> {
                long[] x = TestCircuits.input(circuit, random);
                return java.util.Arrays.equals(circuit.evaluate(x), circuit.encryptRunDecrypt(x));
            });
            assertEquals(0, wrong);
        }
    }

    @Test
    void concurrentCallersOnALookupServerWithSecureParameters() throws Exception {
        assertEquals(0, wrongResultsOnOneServer(TestCircuits::lookup, 4));
    }

    @Test
    @Tag("slow")
    void eightCallersTimesAHundredRequestsOnSecureServers() throws Exception {
        assertEquals(0, wrongResultsOnOneServer(TestCircuits::lookup, 100));
        assertEquals(0, wrongResultsOnOneServer(TestCircuits::tree, 100));
    }

    /** CALLERS threads send {@code requests} requests each to one server with 2 bootstrap threads. */
    private static int wrongResultsOnOneServer(Supplier<Circuit> compile, int requests) throws Exception {
        try (Circuit client = compile.get();
                ServerCircuit server = ServerCircuit.load(client.serverSpecification(), client.evaluationKeys(), 2)) {
            return concurrently(requests, random -> {
                long[] x = TestCircuits.input(client, random);
                return java.util.Arrays.equals(client.evaluate(x), client.decryptBytes(server.run(client.encryptToBytes(x))));
            });
        }
    }

    interface Request {
        boolean correct(SplittableRandom random) throws Exception;
    }

    /** Runs CALLERS callers, started together, each with {@code requests} requests; returns the wrong results. */
    static int concurrently(int requests, Request request) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            CyclicBarrier start = new CyclicBarrier(CALLERS);
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                SplittableRandom random = new SplittableRandom(1000 + c);
                Callable<Integer> caller = () -> {
                    start.await();
                    int count = 0;
                    for (int r = 0; r < requests; r++) {
                        count += request.correct(random) ? 0 : 1;
                    }
                    return count;
                };
                wrong.add(callers.submit(caller));
            }
            int total = 0;
            for (Future<Integer> future : wrong) {
                total += future.get();
            }
            return total;
        } finally {
            callers.shutdownNow();
        }
    }
}

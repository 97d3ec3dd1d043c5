package org.fheml.compilation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Loading and closing circuits leaves no thread and no memory behind. */
class ServerCircuitLifecycleTest {

    @Test
    void twoHundredLoadCloseCyclesLeaveNoLiveThreadAndTheHeapReturnsToItsBaseline() {
        try (Circuit client = TestCircuits.insecure(TestCircuits.lookup())) {
            byte[] specification = client.serverSpecification();
            byte[] keys = client.evaluationKeys();
            long[] x = {1, 2, 3, 4, 5, 6, 7, 0};
            byte[] request = client.encryptToBytes(x);
            Set<Thread> before = liveThreads();
            long heapBefore = usedHeapAfterGc();
            for (int cycle = 0; cycle < 200; cycle++) {
                try (ServerCircuit server = ServerCircuit.load(specification, keys, 4)) {
                    byte[] result = server.run(request);
                    if (cycle % 50 == 0) {
                        assertArrayEquals(client.evaluate(x), client.decryptBytes(result));
                    }
                }
            }
            Set<Thread> extra = liveThreads();
            extra.removeAll(before);
            assertEquals(Set.of(), extra.stream().map(Thread::getName).collect(Collectors.toSet()),
                    "threads started by the 200 circuits and still alive");
            long heapAfter = usedHeapAfterGc();
            // one loaded circuit holds at least its evaluation keys; 200 leaked ones would hold 200 times that
            long oneCircuit = client.statistics().evaluationKeyBytes();
            assertTrue(heapAfter - heapBefore < 10 * oneCircuit, "heap grew by " + (heapAfter - heapBefore)
                    + " bytes after 200 cycles, one circuit holds about " + oneCircuit);
        }
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .collect(Collectors.toCollection(java.util.HashSet::new));
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}

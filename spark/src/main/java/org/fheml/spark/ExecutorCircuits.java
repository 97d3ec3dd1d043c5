package org.fheml.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.fheml.compilation.ServerBundle;
import org.fheml.compilation.ServerCircuit;

/**
 * The server circuits of one JVM (a Spark executor, or the driver in local mode), one per model and key set: the
 * first task that needs a pair loads the bundle and decompresses the seeded evaluation keys, and every later task of
 * every later job on that executor reuses the result. All tasks of an executor share the circuit's bootstrap
 * threads. At most {@value #MAX_CIRCUITS} pairs are kept; the least recently used one is dropped (not closed, since
 * a running task may still hold it: its idle threads end on their own).
 */
final class ExecutorCircuits {

    static final int MAX_CIRCUITS = 4;

    private static final Map<String, ServerCircuit> CIRCUITS = new LinkedHashMap<>(8, 0.75f, true);
    private static final AtomicInteger LOADS = new AtomicInteger();

    private ExecutorCircuits() {
    }

    /** The circuit of this model and key set with {@code threads} bootstrap threads, loaded on first use. */
    static ServerCircuit get(ModelAndKeys model, int threads) {
        String key = model.cacheKey() + "/" + threads;
        synchronized (CIRCUITS) {
            ServerCircuit circuit = CIRCUITS.get(key);
            if (circuit == null) {
                circuit = ServerBundle.fromBytes(model.bundle()).open(model.evaluationKeys(), threads);
                LOADS.incrementAndGet();
                CIRCUITS.put(key, circuit);
                if (CIRCUITS.size() > MAX_CIRCUITS) {
                    CIRCUITS.remove(CIRCUITS.keySet().iterator().next());
                }
            }
            return circuit;
        }
    }

    /** How many times this JVM has loaded a circuit and decompressed its keys. */
    static int loads() {
        return LOADS.get();
    }
}

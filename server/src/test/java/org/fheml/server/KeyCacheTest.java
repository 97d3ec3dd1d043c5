package org.fheml.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.fheml.compilation.Circuit;
import org.junit.jupiter.api.Test;

class KeyCacheTest {

    private final Circuit circuit = Fixtures.irisCircuit();
    private final CircuitModel model = new CircuitModel(circuit);
    private final byte[] keys = circuit.evaluationKeys();
    private final AtomicInteger loads = new AtomicInteger();

    private KeyCache cache(int capacity) {
        return new KeyCache(capacity, id -> {
            loads.incrementAndGet();
            return model.open(keys, 1);
        });
    }

    private byte[] runOnce(KeyCache.Lease lease) {
        long[] row = Fixtures.irisLogistic().quantizeInput(Fixtures.irisRows(0, 1))[0];
        byte[] result = lease.circuit().run(circuit.encryptToBytes(row));
        assertArrayEquals(circuit.evaluate(row), circuit.decryptBytes(result));
        return result;
    }

    @Test
    void holdsAtMostCapacityAndReloadsTheEvictedLazily() {
        try (KeyCache cache = cache(2)) {
            for (String id : new String[] {"a", "b", "c"}) {
                try (KeyCache.Lease lease = cache.acquire(id)) {
                    runOnce(lease);
                }
            }
            assertEquals(2, cache.size());
            assertFalse(cache.holds("a"), "the least recently used key set is evicted");
            assertEquals(3, loads.get());
            try (KeyCache.Lease lease = cache.acquire("b")) {
                runOnce(lease);
            }
            assertEquals(3, loads.get(), "a held key set is not loaded again");
            try (KeyCache.Lease lease = cache.acquire("a")) {
                runOnce(lease);
            }
            assertEquals(4, loads.get(), "an evicted key set is loaded again when needed");
            assertFalse(cache.holds("c"), "c was the least recently used");
            assertEquals(4, cache.loads());
        }
    }

    @Test
    void anEvictedKeySetStaysOpenUntilItsLastRequestEnds() {
        try (KeyCache cache = cache(1)) {
            KeyCache.Lease held = cache.acquire("a");
            try (KeyCache.Lease other = cache.acquire("b")) {
                runOnce(other);
            }
            assertFalse(cache.holds("a"));
            runOnce(held);
            held.close();
            held.close();
            assertThrows(IllegalStateException.class, () -> runOnce(held), "closed once its last holder is done");
        }
    }

    @Test
    void aFailingLoadIsNotCachedAndReachesEveryCaller() {
        AtomicInteger attempts = new AtomicInteger();
        try (KeyCache cache = new KeyCache(2, id -> {
            attempts.incrementAndGet();
            throw new ApiException(404, "unknown_key", "no " + id);
        })) {
            for (int i = 0; i < 2; i++) {
                ApiException e = assertThrows(ApiException.class, () -> cache.acquire("x"));
                assertEquals(404, e.status());
            }
            assertEquals(2, attempts.get());
            assertEquals(0, cache.size());
        }
    }

    @Test
    void closingRefusesNewRequests() {
        KeyCache cache = cache(2);
        cache.close();
        ApiException e = assertThrows(ApiException.class, () -> cache.acquire("a"));
        assertEquals(503, e.status());
        assertTrue(e.retryAfterSeconds() > 0);
    }
}

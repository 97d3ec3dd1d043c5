package org.fheml.server;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.fheml.compilation.ServerCircuit;

/**
 * The key sets held loaded, at most {@code capacity} of them, least recently used evicted first; one not held is
 * loaded again (from the key store) when a request needs it. A request holds its key set through a {@link Lease}:
 * an evicted key set that a running request still holds is closed when that request releases it, so that no
 * request ever runs on a closed circuit. Two requests needing the same key set at once load it once.
 */
final class KeyCache implements AutoCloseable {

    /** A request's hold on a loaded key set; release it with {@link #close()}. */
    static final class Lease implements AutoCloseable {
        private final KeyCache cache;
        private final Entry entry;
        private boolean released;

        private Lease(KeyCache cache, Entry entry) {
            this.cache = cache;
            this.entry = entry;
        }

        ServerCircuit circuit() {
            return entry.circuit;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                cache.release(entry);
            }
        }
    }

    private static final class Entry {
        final String id;
        final ServerCircuit circuit;
        int holders;
        boolean evicted;

        Entry(String id, ServerCircuit circuit) {
            this.id = id;
            this.circuit = circuit;
        }
    }

    private final int capacity;
    private final Function<String, ServerCircuit> loader;
    private final LinkedHashMap<String, Entry> held = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, CompletableFuture<Entry>> loading = new HashMap<>();
    private long loads;
    private boolean closed;

    /** @param loader loads a key set by id; it throws (an {@link ApiException}) when it cannot */
    KeyCache(int capacity, Function<String, ServerCircuit> loader) {
        this.capacity = capacity;
        this.loader = loader;
    }

    /** Holds the key set {@code id}, loading it if it is not held. */
    Lease acquire(String id) {
        while (true) {
            CompletableFuture<Entry> pending;
            boolean mine = false;
            synchronized (this) {
                requireOpen();
                Entry entry = held.get(id);
                if (entry != null) {
                    entry.holders++;
                    return new Lease(this, entry);
                }
                pending = loading.get(id);
                if (pending == null) {
                    pending = new CompletableFuture<>();
                    loading.put(id, pending);
                    mine = true;
                }
            }
            if (mine) {
                return load(id, pending);
            }
            Entry entry;
            try {
                entry = pending.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            synchronized (this) {
                if (!entry.evicted) {
                    entry.holders++;
                    return new Lease(this, entry);
                }
            }
        }
    }

    /** Holds a key set just loaded elsewhere (an upload), so that the first prediction need not load it again. */
    void offer(String id, ServerCircuit circuit) {
        boolean keep;
        synchronized (this) {
            keep = !closed && !held.containsKey(id) && !loading.containsKey(id);
            if (keep) {
                insert(new Entry(id, circuit));
            }
        }
        if (!keep) {
            circuit.close();
        }
    }

    /** Key sets held loaded now. */
    synchronized int size() {
        return held.size();
    }

    /** Loads from the store since this cache was made (first uses and reloads after eviction). */
    synchronized long loads() {
        return loads;
    }

    /** Whether key set {@code id} is held loaded now. */
    synchronized boolean holds(String id) {
        return held.containsKey(id);
    }

    private Lease load(String id, CompletableFuture<Entry> pending) {
        ServerCircuit circuit;
        try {
            circuit = loader.apply(id);
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                loading.remove(id);
            }
            pending.completeExceptionally(e);
            throw e;
        }
        Entry entry = new Entry(id, circuit);
        boolean closedMeanwhile;
        synchronized (this) {
            loading.remove(id);
            loads++;
            closedMeanwhile = closed;
            if (!closedMeanwhile) {
                insert(entry);
                entry.holders++;
            }
        }
        if (closedMeanwhile) {
            circuit.close();
            pending.completeExceptionally(new IllegalStateException("The key cache is closed."));
            throw new ApiException(503, "shutting_down", "The server is shutting down.");
        }
        pending.complete(entry);
        return new Lease(this, entry);
    }

    /** Inserts under the lock, evicting the least recently used entries past capacity. */
    private void insert(Entry entry) {
        held.put(entry.id, entry);
        Iterator<Entry> oldest = held.values().iterator();
        while (held.size() > capacity && oldest.hasNext()) {
            Entry victim = oldest.next();
            if (victim == entry) {
                continue;
            }
            oldest.remove();
            victim.evicted = true;
            if (victim.holders == 0) {
                victim.circuit.close();
            }
        }
    }

    private void release(Entry entry) {
        boolean close;
        synchronized (this) {
            entry.holders--;
            close = entry.evicted && entry.holders == 0;
        }
        if (close) {
            entry.circuit.close();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw ApiException.unavailable("shutting_down", "The server is shutting down; retry on its successor.", 5);
        }
    }

    /** Evicts everything; key sets still held by a request close when it releases them. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            for (Entry entry : held.values()) {
                entry.evicted = true;
                if (entry.holders == 0) {
                    entry.circuit.close();
                }
            }
            held.clear();
        }
    }
}

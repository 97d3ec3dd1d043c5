package org.fheml.server;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The bytes of request bodies all requests together may hold in memory at once. A body draws from it as it is read,
 * chunk by chunk, and gives back when its request ends; a request that cannot draw within the queue wait gets 503
 * with Retry-After, so that many large bodies arriving at once cannot exhaust the heap.
 */
final class BodyBudget {

    private static final int UNIT = 1024;

    private final Semaphore units;
    private final long waitNanos;

    BodyBudget(long bytes, java.time.Duration wait) {
        this.units = new Semaphore((int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes / UNIT)));
        this.waitNanos = wait.toNanos();
    }

    /** A request's draw on the budget; give it back with {@link #close()}. */
    final class Draw implements AutoCloseable {
        private long drawn;

        /** Draws room for {@code total} bytes held in all (so far), or throws 503. */
        void reserve(long total) {
            long needed = (total + UNIT - 1) / UNIT;
            if (needed <= drawn) {
                return;
            }
            int more = (int) Math.min(Integer.MAX_VALUE, needed - drawn);
            boolean got;
            try {
                got = units.tryAcquire(more, waitNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                got = false;
            }
            if (!got) {
                throw ApiException.unavailable("busy", "The server holds as many request bodies as it can; retry "
                        + "after the Retry-After delay.", 1);
            }
            drawn += more;
        }

        @Override
        public void close() {
            if (drawn > 0) {
                units.release((int) drawn);
                drawn = 0;
            }
        }
    }

    Draw draw() {
        return new Draw();
    }
}

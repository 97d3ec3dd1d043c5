package org.fheml.tfhe.algorithms;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reusable barrier for a few threads that meet every few microseconds (once per CMUX of a split bootstrap): the
 * waiters spin briefly, then yield, rather than park, since a park and unpark costs about as much as the work between
 * two meetings. A thread that fails breaks the barrier so that the others stop waiting and fail too.
 */
final class SpinBarrier {

    private static final int SPINS_BEFORE_YIELD = 1 << 12;

    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;
    private volatile boolean broken;

    SpinBarrier(int parties) {
        this.parties = parties;
    }

    /** Waits until every party has called await for this generation. */
    void await() {
        int current = generation;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            generation = current + 1;
            return;
        }
        int spins = 0;
        while (generation == current) {
            if (broken) {
                throw new IllegalStateException("Another thread of the split bootstrap failed");
            }
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** Makes every current and future waiter fail; {@link #reset} makes the barrier usable again. */
    void breakBarrier() {
        broken = true;
    }

    /** A fresh barrier state, when no thread is waiting. */
    void reset() {
        arrived.set(0);
        broken = false;
    }
}

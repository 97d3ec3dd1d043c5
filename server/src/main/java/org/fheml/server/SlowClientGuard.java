package org.fheml.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the silence of a client sending a request body. The web server reads a body on the request's own
 * (virtual) thread from an interruptible socket channel, whose reads no socket timeout bounds; this guard wakes up
 * periodically and, when no byte came for the read timeout, interrupts the reading thread, which closes the
 * connection. The read then fails with a {@link SocketTimeoutException}, which the server counts as a 408. The
 * guard interrupts only while a read is in progress, and clears the flag when it stops.
 */
final class SlowClientGuard implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fheml-slow-client-guard");
        thread.setDaemon(true);
        return thread;
    });

    private final Thread reader = Thread.currentThread();
    private final long timeoutNanos;
    private final ScheduledFuture<?> task;
    private volatile long lastProgress = System.nanoTime();
    private boolean reading;
    private boolean stopped;
    private volatile boolean fired;

    private SlowClientGuard(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        long period = Math.max(10, timeout.toMillis() / 4);
        this.task = TIMER.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    /** Guards reads of the current thread for at most {@code timeout} of silence each. */
    static SlowClientGuard start(Duration timeout) {
        return new SlowClientGuard(timeout);
    }

    /** {@code body} read under this guard. */
    InputStream wrap(InputStream body) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                enter();
                try {
                    int n = body.read(buffer, offset, length);
                    if (n < 0) {
                        close();
                    }
                    return n;
                } catch (IOException | RuntimeException e) {
                    if (fired) {
                        SocketTimeoutException timeout = new SocketTimeoutException("No byte of the request body "
                                + "came for " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms.");
                        timeout.initCause(e);
                        throw timeout;
                    }
                    throw e;
                } finally {
                    leave();
                }
            }
        };
    }

    private synchronized void enter() {
        reading = !stopped;
    }

    private synchronized void leave() {
        reading = false;
        lastProgress = System.nanoTime();
    }

    private synchronized void check() {
        if (reading && !stopped && System.nanoTime() - lastProgress > timeoutNanos) {
            fired = true;
            stopped = true;
            reader.interrupt();
        }
    }

    /** Stops guarding and clears an interrupt this guard may have set. */
    @Override
    public void close() {
        task.cancel(false);
        boolean interrupted;
        synchronized (this) {
            stopped = true;
            interrupted = fired;
        }
        if (interrupted && Thread.currentThread() == reader) {
            Thread.interrupted();
        }
    }
}

package org.fheml.server;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.fheml.compilation.ServerCircuit;

/**
 * A served model whose loading of keys can be held at a gate, so that a test can keep a request inside the server
 * (holding an evaluation slot) while it sends others.
 */
final class GatedModel implements ServedModel {

    private final ServedModel inner;
    private volatile CountDownLatch gate;
    final CountDownLatch entered = new CountDownLatch(1);

    GatedModel(ServedModel inner) {
        this.inner = inner;
    }

    /** From now on, loading keys waits until {@link #open()}. */
    void close() {
        gate = new CountDownLatch(1);
    }

    void open() {
        CountDownLatch current = gate;
        if (current != null) {
            current.countDown();
        }
    }

    @Override
    public String digest() {
        return inner.digest();
    }

    @Override
    public byte[] clientBundle() {
        return inner.clientBundle();
    }

    @Override
    public ServerCircuit open(byte[] evaluationKeys, int threads) {
        CountDownLatch current = gate;
        if (current != null) {
            entered.countDown();
            try {
                if (!current.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return inner.open(evaluationKeys, threads);
    }

    @Override
    public long bootstrapsPerRow() {
        return inner.bootstrapsPerRow();
    }
}

package org.fheml.core.datasets;

import java.util.Objects;
import java.util.function.Supplier;

/** A value computed on first use, once, even when several threads ask for it at the same time. */
final class Lazy<T> implements Supplier<T> {

    private final Supplier<? extends T> compute;
    private volatile T value;

    Lazy(Supplier<? extends T> compute) {
        this.compute = Objects.requireNonNull(compute);
    }

    @Override
    public T get() {
        T result = value;
        if (result == null) {
            synchronized (this) {
                result = value;
                if (result == null) {
                    result = Objects.requireNonNull(compute.get());
                    value = result;
                }
            }
        }
        return result;
    }
}

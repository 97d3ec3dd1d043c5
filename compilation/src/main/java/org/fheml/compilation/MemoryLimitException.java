package org.fheml.compilation;

/**
 * A circuit whose keys or evaluation need more memory than allowed: more than the heap has left (key generation,
 * loading evaluation keys) or more than {@link CompileOptions#maxKeyBytes()} (compile). Thrown before anything is
 * allocated; the message gives what is needed, what is available and what to change.
 */
public final class MemoryLimitException extends CompilationException {

    private static final long serialVersionUID = 1L;

    private final long neededBytes;
    private final long availableBytes;

    MemoryLimitException(String message, long neededBytes, long availableBytes) {
        super(message);
        this.neededBytes = neededBytes;
        this.availableBytes = availableBytes;
    }

    public long neededBytes() {
        return neededBytes;
    }

    public long availableBytes() {
        return availableBytes;
    }

    /** What makes a circuit's keys smaller. */
    static final String SMALLER = "lower n_bits, or round earlier (roundBitPattern) so that lookups read fewer bits";
    static final String ADVICE = SMALLER + ", or raise the heap (-Xmx)";

    /** Refuses {@code what} when it needs more than the heap has left, after one collection to free garbage. */
    static void requireHeap(String what, long needed, CircuitMemory memory) {
        if (needed <= available()) {
            return;
        }
        System.gc();
        long available = available();
        if (needed > available) {
            throw new MemoryLimitException(what + " needs " + CircuitMemory.format(needed) + " of heap ("
                    + memory.keyBreakdown() + "), but " + CircuitMemory.format(available) + " are available (maximum "
                    + "heap " + CircuitMemory.format(Runtime.getRuntime().maxMemory()) + "): " + ADVICE + ".",
                    needed, available);
        }
    }

    /** The heap that can still be allocated: the maximum minus what is in use. */
    static long available() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }
}

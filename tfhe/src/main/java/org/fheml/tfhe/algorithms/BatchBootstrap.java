package org.fheml.tfhe.algorithms;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.ServerKey;

/**
 * Bootstraps many ciphertexts in parallel on its own bounded thread pool (default: one thread per core), each task
 * with its share of the ciphertexts, which it bootstraps in lockstep groups ({@link GroupBootstrap}); the results
 * are bit-identical to sequential bootstraps.
 *
 * <p>Thread-safe: any number of callers may bootstrap at once. A running task borrows one of the pool's scratches
 * for its whole share and returns it after, so no two tasks ever write the same scratch; the key and the tables are
 * only read. Threads idle for {@link #IDLE_SECONDS} seconds end by themselves; {@link #close()} stops them at once
 * and returns once every one has ended. A closed batch bootstrap refuses new work.
 */
public final class BatchBootstrap implements AutoCloseable {

    /** How long an idle worker thread waits for work before it ends. */
    public static final long IDLE_SECONDS = 10;

    private final ServerKey key;
    private final ModulusSwitchType modulusSwitch;
    private final ThreadPoolExecutor pool;
    private final Workers workers = new Workers();
    /** One scratch per thread: at most that many tasks run at once, so a running task always finds one free. */
    private final BlockingQueue<GroupBootstrapScratch> scratches;
    private final int threads;

    /** A batch bootstrapper with one thread per available core and the centred-mean modulus switch. */
    public BatchBootstrap(ServerKey key) {
        this(key, Runtime.getRuntime().availableProcessors(), ModulusSwitchType.CENTERED_MEAN);
    }

    public BatchBootstrap(ServerKey key, int threads, ModulusSwitchType modulusSwitch) {
        if (threads < 1) {
            throw new IllegalArgumentException("A batch bootstrap needs at least 1 thread, got " + threads);
        }
        this.key = key;
        this.modulusSwitch = modulusSwitch;
        this.threads = threads;
        this.scratches = new ArrayBlockingQueue<>(threads);
        for (int t = 0; t < threads; t++) {
            scratches.add(new GroupBootstrapScratch(key.parameters()));
        }
        this.pool = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                workers);
        pool.allowCoreThreadTimeOut(true);
    }

    public int threads() {
        return threads;
    }

    /** out[i] = PBS(in[i]) through {@code lut} for every i. */
    public void bootstrap(LweCiphertextList in, LweCiphertextList out, LookupTable lut) {
        LookupTable[] luts = new LookupTable[in.count()];
        java.util.Arrays.fill(luts, lut);
        bootstrap(in, out, luts);
    }

    /** out[i] = PBS(in[i]) through {@code luts[i]} for every i. */
    public void bootstrap(LweCiphertextList in, LweCiphertextList out, LookupTable[] luts) {
        bootstrap(in, out, luts, 0, in.count());
    }

    /** out[i] = PBS(in[i]) through {@code luts[i]} for i in [from, to): the others are left as they are. */
    public void bootstrap(LweCiphertextList in, LweCiphertextList out, LookupTable[] luts, int from, int to) {
        DimensionMismatchException.check("ciphertext count", "input list", in.count(), "output list", out.count());
        DimensionMismatchException.check("ciphertext count", "input list", in.count(), "lookup tables", luts.length);
        DimensionMismatchException.check("LweDimension", "server key big key",
                key.parameters().bigLweDimension().value(), "input list", in.dimension().value());
        DimensionMismatchException.check("LweDimension", "server key big key",
                key.parameters().bigLweDimension().value(), "output list", out.dimension().value());
        if (from < 0 || from > to || to > in.count()) {
            throw new IndexOutOfBoundsException("Range [" + from + ", " + to + ") of a list of " + in.count()
                    + " ciphertexts");
        }
        int count = to - from;
        int chunks = Math.min(threads, Math.max(count, 1));
        List<Future<?>> futures = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int start = from + (int) ((long) count * c / chunks);
            int end = from + (int) ((long) count * (c + 1) / chunks);
            try {
                futures.add(pool.submit(() -> bootstrapShare(in, out, luts, start, end)));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                throw new IllegalStateException("This batch bootstrap is closed.", e);
            }
        }
        await(futures);
    }

    /**
     * Many-LUT bootstraps ({@link ManyLutBootstrap}): input i goes through accumulator {@code luts[i]} of
     * 2^log2Functions[i] functions, and its outputs follow those of the inputs before it in {@code out}, which holds
     * Σ 2^log2Functions[i] ciphertexts. Where every count is 0 it is {@link #bootstrap(LweCiphertextList,
     * LweCiphertextList, LookupTable[])}, bit for bit.
     */
    public void bootstrap(LweCiphertextList in, LweCiphertextList out, LookupTable[] luts, int[] log2Functions) {
        DimensionMismatchException.check("ciphertext count", "input list", in.count(), "function counts",
                log2Functions.length);
        int[] firstOutputs = new int[log2Functions.length];
        int outputs = 0;
        for (int i = 0; i < log2Functions.length; i++) {
            ManyLutBootstrap.log2Functions(1 << log2Functions[i]);
            firstOutputs[i] = outputs;
            outputs += 1 << log2Functions[i];
        }
        DimensionMismatchException.check("ciphertext count", "many-LUT outputs", outputs, "output list", out.count());
        run(in, out, luts, log2Functions, firstOutputs);
    }

    private void run(LweCiphertextList in, LweCiphertextList out, LookupTable[] luts, int[] log2Functions,
            int[] firstOutputs) {
        DimensionMismatchException.check("ciphertext count", "input list", in.count(), "lookup tables", luts.length);
        DimensionMismatchException.check("LweDimension", "server key big key",
                key.parameters().bigLweDimension().value(), "input list", in.dimension().value());
        DimensionMismatchException.check("LweDimension", "server key big key",
                key.parameters().bigLweDimension().value(), "output list", out.dimension().value());
        int count = in.count();
        int chunks = Math.min(threads, Math.max(count, 1));
        List<Future<?>> futures = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) count * c / chunks);
            int to = (int) ((long) count * (c + 1) / chunks);
            try {
                futures.add(pool.submit(() -> bootstrapShare(in, out, luts, log2Functions, firstOutputs, from, to)));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                throw new IllegalStateException("This batch bootstrap is closed.", e);
            }
        }
        await(futures);
    }

    private static void await(List<Future<?>> futures) {
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (java.util.concurrent.CancellationException e) {
            throw new IllegalStateException("This batch bootstrap was closed during the batch.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while bootstrapping a batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("A batch bootstrap failed", e.getCause());
        }
    }

    private void bootstrapShare(LweCiphertextList in, LweCiphertextList out, LookupTable[] luts, int[] log2Functions,
            int[] firstOutputs, int from, int to) {
        GroupBootstrapScratch scratch = scratches.poll();
        if (scratch == null) {
            throw new IllegalStateException("More bootstrap tasks run than the pool has threads.");
        }
        try {
            GroupBootstrap.bootstrap(key, in, out, luts, log2Functions, firstOutputs, from, to, modulusSwitch, scratch);
        } finally {
            scratches.add(scratch);
        }
    }

    private void bootstrapShare(LweCiphertextList in, LweCiphertextList out, LookupTable[] luts, int from, int to) {
        GroupBootstrapScratch scratch = scratches.poll();
        if (scratch == null) {
            throw new IllegalStateException("More bootstrap tasks run than the pool has threads.");
        }
        try {
            GroupBootstrap.bootstrap(key, in, out, luts, from, to, modulusSwitch, scratch);
        } finally {
            scratches.add(scratch);
        }
    }

    /** Stops the threads and waits until every one has ended; bootstraps under way are interrupted. Idempotent. */
    @Override
    public void close() {
        for (Runnable queued : pool.shutdownNow()) {
            if (queued instanceof Future<?> task) {
                task.cancel(false);
            }
        }
        workers.joinAll();
    }

    /**
     * Makes the pool's daemon threads and remembers them, so that close can wait for them. It holds no reference to
     * the batch bootstrap: idle threads of a dropped, unclosed one do not keep its key alive, and end by themselves.
     */
    private static final class Workers implements ThreadFactory {

        private final Set<Thread> started = ConcurrentHashMap.newKeySet();

        @Override
        public Thread newThread(Runnable runnable) {
            started.removeIf(thread -> !thread.isAlive());
            Thread thread = new Thread(runnable, "fheml-bootstrap");
            thread.setDaemon(true);
            started.add(thread);
            return thread;
        }

        void joinAll() {
            boolean interrupted = false;
            for (Thread thread : started) {
                while (thread.isAlive() && thread != Thread.currentThread()) {
                    try {
                        thread.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            started.clear();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

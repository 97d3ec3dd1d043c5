package org.fheml.tfhe.algorithms;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.ServerKey;

/**
 * Bootstraps many ciphertexts in parallel on its own fixed thread pool (default: one thread per core), each thread
 * with its own scratch and its share of the ciphertexts, which it bootstraps in lockstep groups
 * ({@link GroupBootstrap}); the results are bit-identical to sequential bootstraps. Close it to stop its threads.
 */
public final class BatchBootstrap implements AutoCloseable {

    private final ServerKey key;
    private final ModulusSwitchType modulusSwitch;
    private final ExecutorService pool;
    private final GroupBootstrapScratch[] scratches;

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
        this.scratches = new GroupBootstrapScratch[threads];
        for (int t = 0; t < threads; t++) {
            scratches[t] = new GroupBootstrapScratch(key.parameters());
        }
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "fheml-bootstrap");
            thread.setDaemon(true);
            return thread;
        });
    }

    public int threads() {
        return scratches.length;
    }

    /** out[i] = PBS(in[i]) through {@code lut} for every i. */
    public void bootstrap(LweCiphertextList in, LweCiphertextList out, LookupTable lut) {
        LookupTable[] luts = new LookupTable[in.count()];
        java.util.Arrays.fill(luts, lut);
        bootstrap(in, out, luts);
    }

    /** out[i] = PBS(in[i]) through {@code luts[i]} for every i. */
    public void bootstrap(LweCiphertextList in, LweCiphertextList out, LookupTable[] luts) {
        DimensionMismatchException.check("ciphertext count", "input list", in.count(), "output list", out.count());
        DimensionMismatchException.check("ciphertext count", "input list", in.count(), "lookup tables", luts.length);
        DimensionMismatchException.check("LweDimension", "server key big key",
                key.parameters().bigLweDimension().value(), "input list", in.dimension().value());
        DimensionMismatchException.check("LweDimension", "server key big key",
                key.parameters().bigLweDimension().value(), "output list", out.dimension().value());
        int count = in.count();
        int chunks = Math.min(scratches.length, Math.max(count, 1));
        List<Future<?>> futures = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) count * c / chunks);
            int to = (int) ((long) count * (c + 1) / chunks);
            GroupBootstrapScratch scratch = scratches[c];
            futures.add(pool.submit(() -> GroupBootstrap.bootstrap(key, in, out, luts, from, to, modulusSwitch,
                    scratch)));
        }
        try {
            for (Future<?> future : futures) {
                future.get();
            }
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

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

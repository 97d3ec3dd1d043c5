package org.fheml.tfhe.algorithms;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.entities.FourierBootstrapKey;
import org.fheml.tfhe.entities.FourierGgswCiphertext;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.fft.NegacyclicFft;
import org.fheml.tfhe.math.Polynomials;

/**
 * One KS-PBS on several threads, for latency when there are fewer independent bootstraps than cores (a row of a
 * small circuit). Each CMUX of the blind rotation is split by GLWE polynomial: thread t decomposes and transforms the
 * rows of its share, the threads meet at a barrier, then thread t sums, transforms back and rounds the accumulator
 * columns of the same share (which are the rows it reads next, so one barrier per CMUX suffices; the digit
 * polynomials alternate between two buffers so that a thread never overwrites those another still reads). The
 * keyswitch is split by output coefficient. With k = 1 two threads share the work evenly; more threads than k + 1
 * GLWE polynomials are not used. The output is bit-identical to {@link ProgrammableBootstrap#bootstrap}'s.
 *
 * <p>A split pays only when its threads run at the same time: on a machine with more runnable threads than cores
 * each of the n barriers may wait for a descheduled thread, and one split bootstrap was measured 3 to 4 times slower
 * than one thread (2 cores under a load of 20). So by default the instance is adaptive: it keeps a running mean of
 * the wall time of either way, runs the faster one, and every {@value #PROBE_PERIOD}th call runs the other to
 * refresh its mean. Both ways give the same bits.
 *
 * <p>Not for concurrent use: one bootstrap at a time per instance (a caller running several rows at once gives each
 * its own instance, or uses {@link BatchBootstrap} for independent bootstraps). The calling thread takes share 0;
 * the others run on this instance's own threads. Close it to stop them.
 */
public final class SplitBootstrap implements AutoCloseable {

    private final ServerKey key;
    private final ModulusSwitchType modulusSwitch;
    private final int shares;
    private final ExecutorService helpers;
    /** The helper threads started so far and still alive when the last one started: what close joins. */
    private final java.util.Set<Thread> helperThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final BootstrapScratch scratch;
    private final double[][][] fourierRe;
    private final double[][][] fourierIm;
    private final long[][] keyswitchDigits;
    private final long[][] singleDigits;
    private final SpinBarrier barrier;
    private final Future<?>[] running;
    private final boolean adaptive;
    private double splitNanos;
    private double singleNanos;
    private long calls;

    /** How often an adaptive instance runs the way it currently thinks slower, to keep both means current. */
    static final int PROBE_PERIOD = 16;

    /** An adaptive split bootstrap: it runs split or on one thread, whichever its calls measured faster. */
    public SplitBootstrap(ServerKey key, int threads, ModulusSwitchType modulusSwitch) {
        this(key, threads, modulusSwitch, true);
    }

    /**
     * @param threads the threads one bootstrap uses, the caller's included (at most k + 1 are used)
     * @param adaptive false to split every bootstrap, whatever it measures
     */
    public SplitBootstrap(ServerKey key, int threads, ModulusSwitchType modulusSwitch, boolean adaptive) {
        if (threads < 1) {
            throw new IllegalArgumentException("A split bootstrap needs at least 1 thread, got " + threads);
        }
        this.key = key;
        this.modulusSwitch = modulusSwitch;
        this.adaptive = adaptive;
        this.shares = Math.min(threads, key.parameters().glweDimension().glweSize());
        this.scratch = new BootstrapScratch(key.parameters());
        int digits = key.parameters().pbsLevels().value() * key.parameters().glweDimension().glweSize();
        int m = key.parameters().polynomialSize().fourierSize();
        this.fourierRe = new double[2][digits][m];
        this.fourierIm = new double[2][digits][m];
        this.keyswitchDigits = new long[shares][key.parameters().ksLevels().value()];
        this.singleDigits = new long[shares][1];
        this.barrier = new SpinBarrier(shares);
        this.running = new Future<?>[shares];
        if (shares == 1) {
            this.helpers = null;
        } else {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(shares - 1, shares - 1, BatchBootstrap.IDLE_SECONDS,
                    TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                        Thread thread = new Thread(runnable, "fheml-split-bootstrap");
                        thread.setDaemon(true);
                        helperThreads.removeIf(t -> !t.isAlive());
                        helperThreads.add(thread);
                        return thread;
                    });
            pool.allowCoreThreadTimeOut(true);
            this.helpers = pool;
        }
    }

    /** The threads one bootstrap runs on, the caller's included. */
    public int threads() {
        return shares;
    }

    /** out = PBS(in) through {@code lut}; {@code in} and {@code out} may be the same ciphertext. */
    public void bootstrap(LweCiphertext in, LweCiphertext out, LookupTable lut) {
        DimensionMismatchException.check("LweDimension", "server key big key",
                key.parameters().bigLweDimension().value(), "input ciphertext", in.dimension().value());
        DimensionMismatchException.check("LweDimension", "bootstrap key output",
                key.bootstrapKey().outputLweDimension().value(), "output ciphertext", out.dimension().value());
        DimensionMismatchException.check("PolynomialSize", "bootstrap key", key.parameters().polynomialSize().value(),
                "lookup table", lut.coefficients().length);
        if (shares == 1) {
            ProgrammableBootstrap.bootstrap(key, in, out, lut, modulusSwitch, scratch);
            return;
        }
        if (!adaptive) {
            split(in, out, lut);
            return;
        }
        calls++;
        boolean runSplit;
        if (splitNanos == 0) {
            runSplit = true;
        } else if (singleNanos == 0) {
            runSplit = false;
        } else {
            runSplit = (splitNanos <= singleNanos) != (calls % PROBE_PERIOD == 0);
        }
        long start = System.nanoTime();
        if (runSplit) {
            split(in, out, lut);
        } else {
            ProgrammableBootstrap.bootstrap(key, in, out, lut, modulusSwitch, scratch);
        }
        double elapsed = System.nanoTime() - start;
        if (runSplit) {
            splitNanos = splitNanos == 0 ? elapsed : splitNanos + (elapsed - splitNanos) / 8;
        } else {
            singleNanos = singleNanos == 0 ? elapsed : singleNanos + (elapsed - singleNanos) / 8;
        }
    }

    private void split(LweCiphertext in, LweCiphertext out, LookupTable lut) {
        runShared(share -> KeyswitchShare.run(key, in, scratch.small, scratch.keyswitchAccumulator,
                keyswitchDigits[share], singleDigits[share], share, shares));
        int n = key.parameters().lweDimension().value();
        int log2TwoN = key.parameters().polynomialSize().log2() + 1;
        ModulusSwitch.switchModulus(scratch.small, log2TwoN, modulusSwitch, scratch.switched);
        BlindRotation.initialize(scratch.accumulator, lut, scratch.switched[n]);
        runShared(this::rotateShare);
        SampleExtraction.extract(scratch.accumulator, 0, out);
    }

    /** Runs share 0 on the caller and the others on the helpers, and waits for all; any failure is rethrown. */
    private void runShared(java.util.function.IntConsumer work) {
        barrier.reset();
        for (int share = 1; share < shares; share++) {
            int s = share;
            running[share] = helpers.submit(() -> guarded(work, s));
        }
        RuntimeException failure = null;
        try {
            guarded(work, 0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (int share = 1; share < shares; share++) {
            try {
                running[share].get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                barrier.breakBarrier();
                throw new IllegalStateException("Interrupted during a split bootstrap", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException("A split bootstrap thread failed", e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void guarded(java.util.function.IntConsumer work, int share) {
        try {
            work.accept(share);
        } catch (RuntimeException | Error e) {
            barrier.breakBarrier();
            throw e;
        }
    }

    /** The CMUXes of the blind rotation, on the GLWE polynomials [from, to) of this share. */
    private void rotateShare(int share) {
        FourierBootstrapKey bsk = key.bootstrapKey();
        int glweSize = key.parameters().glweDimension().glweSize();
        int bigN = key.parameters().polynomialSize().value();
        int from = share * glweSize / shares;
        int to = (share + 1) * glweSize / shares;
        int n = key.parameters().lweDimension().value();
        int[] switched = scratch.switched;
        long[] acc = scratch.accumulator.data();
        long[] diff = scratch.difference.data();
        ExternalProductScratch ep = scratch.externalProduct;
        NegacyclicFft fft = ep.fft;
        int count = key.parameters().pbsLevels().value() * glweSize;
        int buffer = 0;
        for (int i = 0; i < n; i++) {
            int power = switched[i];
            if (power == 0) {
                continue;
            }
            double[][] re = fourierRe[buffer];
            double[][] im = fourierIm[buffer];
            for (int row = from; row < to; row++) {
                Polynomials.multiplyByMonomialMinusOne(acc, row * bigN, diff, row * bigN, bigN, power);
                fft.decomposeForward(diff, row * bigN, ep.decomposer, re, im, row, glweSize);
            }
            barrier.await();
            FourierGgswCiphertext ggsw = bsk.ggsws().get(i);
            fft.multiplyAccumulateBackwardAdd(re, im, count, glweSize, ggsw.re(), ggsw.im(), 0, ep.accumulatorRe,
                    ep.accumulatorIm, acc, 0, from, to);
            buffer ^= 1;
        }
    }

    /**
     * Stops the helper threads and waits until they have ended. Idempotent. Helpers idle for
     * {@link BatchBootstrap#IDLE_SECONDS} seconds end by themselves, so an instance dropped unclosed leaves none.
     */
    @Override
    public void close() {
        if (helpers == null) {
            return;
        }
        helpers.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (helpers.awaitTermination(1, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        // The pool terminates when its workers leave their loop, a moment before their threads end.
        for (Thread thread : helperThreads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

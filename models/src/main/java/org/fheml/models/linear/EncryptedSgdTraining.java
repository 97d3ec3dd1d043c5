package org.fheml.models.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.compilation.EncryptedValues;
import org.fheml.core.FheMode;

/**
 * Binary logistic regression trained by SGD on encrypted data: the data owner prepares and quantizes its rows
 * ({@link TrainingEncoder}), and each batch runs one {@link EncryptedSgdProgram} iteration. DISABLE runs the integer
 * program in the clear, SIMULATE the compiled circuit on plain integers, EXECUTE the circuit on ciphertexts: the
 * data owner encrypts the zero initial weights once and the batches of each epoch; the weights an iteration
 * outputs, encrypted, are the next iteration's input, and only the data owner, who holds the secret key, decrypts
 * them.
 *
 * <p>Both the data and the weights are encrypted (as in Concrete ML): the weights are a function of the data, so
 * whoever sees them in the clear learns about the data; encrypted weights let the server train without learning
 * anything, and only the data owner can read the model. Rows are shuffled each epoch by a seeded generator, the same
 * order in every mode.
 */
final class EncryptedSgdTraining {

    private final EncryptedSgdProgram program;
    private final int epochs;
    private final long seed;
    private final CompileOptions options;
    private Circuit circuit;
    private long[] weights;
    /** Told the epoch, iteration and seconds of each iteration as it ends (a no-op unless set). */
    private IterationListener listener = (epoch, iteration, seconds) -> { };

    /** What a caller that follows a long encrypted fit is told after each iteration. */
    interface IterationListener {
        void iterationDone(int epoch, int iteration, double seconds);
    }

    EncryptedSgdTraining onIteration(IterationListener listener) {
        this.listener = listener;
        return this;
    }

    EncryptedSgdTraining(int features, int batch, int epochs, long seed, CompileOptions options) {
        this.program = new EncryptedSgdProgram(features, batch);
        this.epochs = epochs;
        this.seed = seed;
        this.options = options;
    }

    EncryptedSgdProgram program() {
        return program;
    }

    /** The iteration circuit, compiled on first use. */
    Circuit circuit() {
        if (circuit == null) {
            circuit = program.compile(options);
        }
        return circuit;
    }

    /** The integer weights at the end of training, saturated (k weights, then the bias). */
    long[] weights() {
        return weights.clone();
    }

    /**
     * Trains on quantized rows {@code x} (each of k values in [−3, 3]) and labels in {0, 1}; {@code toModel} turns
     * integer weights into the float model recorded after each epoch.
     */
    EncryptedTrainingHistory train(long[][] x, int[] y, FheMode mode,
            java.util.function.Function<long[], FloatLinearModel> toModel) {
        int batch = program.batch();
        int k = program.features();
        int iterations = x.length / batch;
        if (iterations == 0) {
            throw new IllegalArgumentException("Encrypted training needs at least one full batch of " + batch
                    + " rows, got " + x.length + ": lower the batch size.");
        }
        long start = System.nanoTime();
        Circuit compiled = mode == FheMode.DISABLE ? null : circuit();
        long[] w = new long[k + 1];
        List<long[][]> epochBatches = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            epochBatches.add(batches(x, y, epoch, iterations));
        }
        EncryptedValues encryptedWeights = null;
        if (mode == FheMode.EXECUTE) {
            compiled.keygen();
            encryptedWeights = new EncryptedValues(List.of(compiled.encrypt(epochBatches.getFirst()[0],
                    epochBatches.getFirst()[1], w).values().get(2)));
        }
        double setup = (System.nanoTime() - start) / 1e9;
        List<FloatLinearModel> models = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        double encryption = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            long[][] batches = epochBatches.get(epoch);
            List<EncryptedValues> encrypted = new ArrayList<>();
            if (mode == FheMode.EXECUTE) {
                long encryptionStart = System.nanoTime();
                for (int it = 0; it < iterations; it++) {
                    encrypted.add(compiled.encrypt(batches[2 * it], batches[2 * it + 1], w));
                }
                encryption += (System.nanoTime() - encryptionStart) / 1e9;
            }
            long epochStart = System.nanoTime();
            for (int it = 0; it < iterations; it++) {
                long iterationStart = System.nanoTime();
                long[] xb = batches[2 * it];
                long[] yb = batches[2 * it + 1];
                switch (mode) {
                    case DISABLE -> w = program.step(xb, yb, w);
                    case SIMULATE -> w = compiled.simulate(xb, yb, w);
                    case EXECUTE -> {
                        List<Object> data = encrypted.get(it).values();
                        encryptedWeights = compiled.run(new EncryptedValues(List.of(data.get(0), data.get(1),
                                encryptedWeights.values().getFirst())));
                    }
                }
                listener.iterationDone(epoch, it, (System.nanoTime() - iterationStart) / 1e9);
            }
            seconds.add((System.nanoTime() - epochStart) / 1e9);
            if (mode == FheMode.EXECUTE) {
                w = compiled.decrypt(encryptedWeights);
            }
            models.add(toModel.apply(EncryptedSgdProgram.saturated(w)));
        }
        if (mode == FheMode.EXECUTE) {
            compiled.close();
        }
        weights = EncryptedSgdProgram.saturated(w);
        long bootstraps = mode == FheMode.DISABLE ? circuitBootstrapsIfCompiled() : compiled.statistics().bootstrapCount();
        return new EncryptedTrainingHistory(models, iterations, seconds, setup + encryption, bootstraps);
    }

    private long circuitBootstrapsIfCompiled() {
        return circuit == null ? -1 : circuit.statistics().bootstrapCount();
    }

    /** Per iteration, the flattened batch rows then their labels: [2·it] and [2·it + 1]. */
    private long[][] batches(long[][] x, int[] y, int epoch, int iterations) {
        int[] order = new int[x.length];
        Arrays.setAll(order, i -> i);
        SplittableRandom random = new SplittableRandom(seed + 31L * epoch);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int batch = program.batch();
        int k = program.features();
        long[][] out = new long[2 * iterations][];
        for (int it = 0; it < iterations; it++) {
            long[] xb = new long[batch * k];
            long[] yb = new long[batch];
            for (int r = 0; r < batch; r++) {
                int row = order[it * batch + r];
                System.arraycopy(x[row], 0, xb, r * k, k);
                yb[r] = y[row];
            }
            out[2 * it] = xb;
            out[2 * it + 1] = yb;
        }
        return out;
    }
}

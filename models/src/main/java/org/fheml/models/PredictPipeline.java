package org.fheml.models;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.fheml.compilation.Circuit;
import org.fheml.core.FheMode;

/**
 * The one predict pipeline of every model family: validate → quantize → DISABLE | SIMULATE | EXECUTE → the
 * circuit's integers (and, through {@link #scores}, dequantize); each estimator post-processes in the clear.
 * SIMULATE draws bootstrap errors at the circuit's failure probability from a generator seeded by
 * {@link #setRandomSeed} (a fresh seed per call when none is set), unless the draw is turned off.
 */
final class PredictPipeline {

    private Long randomSeed;
    private boolean bootstrapErrors = true;

    void setRandomSeed(long seed) {
        this.randomSeed = seed;
    }

    void setSimulateBootstrapErrors(boolean draw) {
        this.bootstrapErrors = draw;
    }

    boolean simulatesBootstrapErrors() {
        return bootstrapErrors;
    }

    /** The integer outputs of every row of X, computed in the given mode. */
    long[][] integers(QuantizedModel model, double[][] X, FheMode mode, String what) {
        model.check(X, what);
        if (mode != FheMode.DISABLE && !model.isCompiled()) {
            throw new NotCompiledException(model.estimatorName(), mode.name());
        }
        long[][] q = model.quantizeFeatures(X);
        long[][] out = new long[q.length][];
        switch (mode) {
            case DISABLE -> {
                for (int i = 0; i < q.length; i++) {
                    out[i] = model.evaluate(q[i]);
                }
            }
            case SIMULATE -> {
                Circuit circuit = model.circuit();
                RandomGenerator errors = bootstrapErrors ? generator() : null;
                for (int i = 0; i < q.length; i++) {
                    out[i] = circuit.simulate(errors, model.circuitArgument(q[i]));
                }
            }
            case EXECUTE -> {
                return model.circuit().encryptRunDecryptBatch(Arrays.stream(q)
                        .map(row -> new long[][] {model.circuitArgument(row)}).toList());
            }
        }
        return out;
    }

    /** The dequantized outputs (real scores before any link) of every row of X, computed in the given mode. */
    double[][] scores(QuantizedModel model, double[][] X, FheMode mode, String what) {
        return model.dequantizeOutput(integers(model, X, mode, what));
    }

    private RandomGenerator generator() {
        return randomSeed == null ? new SplittableRandom() : new SplittableRandom(randomSeed);
    }
}

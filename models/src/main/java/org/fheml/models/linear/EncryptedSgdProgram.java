package org.fheml.models.linear;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fheml.compilation.BitPatterns;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.compilation.Compiler;
import org.fheml.compilation.Encryption;
import org.fheml.compilation.Tracer;

/**
 * One iteration of binary logistic regression trained by SGD on encrypted data, as an integer program: written
 * once in plain Java ({@link #step}, what DISABLE runs) and once traced into a circuit ({@link #compile}, what
 * SIMULATE and EXECUTE run), the two held equal by a differential test.
 *
 * <p>Arguments: a batch {@code x} of B rows of k features quantized to [−3, 3], its labels {@code y} (0 or 1) and
 * the weights {@code w} (k weights and the bias, last); all three are encrypted. The one output is the next
 * weights, encrypted, which become the {@code w} of the next iteration without ever being decrypted.
 *
 * <pre>
 * wr    = round(w, 3 bits)                       exact rounding (3 bootstraps per weight)
 * whigh = clamp(wr, ±64) / 8                     the weights the forward pass reads, in [−8, 8] (lookup)
 * wsat  = clamp(wr, ±64) + (w − wr)              saturation, which keeps w bounded (lookup)
 * z     = Σ_j x_j·whigh_j + whigh_bias           encrypted × encrypted: two quarter-square lookups per product
 * e     = round(2·σ(round(z, 4 bits)·s)) − 2y   the error in [−2, 2] (4 bootstraps for the rounding, 1 lookup)
 * g     = Σ_rows x·e, Σ_rows e                   encrypted × encrypted again
 * w'    = wsat − g                               a step of learning rate 1 in the units chosen below
 * </pre>
 *
 * The scales make that step scikit-learn's constant learning rate 1 on the mean gradient of the log loss: a
 * feature unit is {@code INPUT_SCALE} (2/3 of a standard deviation), an error unit 1/2, so a weight unit is
 * INPUT_SCALE / (2B), and s = INPUT_SCALE · 8 · INPUT_SCALE / (2B) is the real value of a unit of z. Every
 * value a lookup reads stays within 5 bits: the circuit compiles to 5-bit bootstraps.
 *
 * <p>Noise: w' is built from bootstrap outputs only (w's own noise cancels in w − round(w), whose bits come from
 * bootstraps), so it does not grow from one iteration to the next. It is, however, a sum of about 2B + 4 bootstrap
 * outputs, while the compiler counts the circuit's inputs as fresh encryptions; the default p_error per bootstrap
 * (2^−40) leaves the margin, which the chained encrypted iterations of the tests check.
 */
final class EncryptedSgdProgram {

    /** Quantized features lie in [−FEATURE_MAX, FEATURE_MAX]. */
    static final int FEATURE_MAX = 3;
    /** The real value of one feature unit, in standard deviations of the (whitened) feature: clip at 2 σ. */
    static final double INPUT_SCALE = 2.0 / FEATURE_MAX;
    /** Errors are p − y in units of 1 / ERROR_LEVELS. */
    static final int ERROR_LEVELS = 2;
    /** The low weight bits the forward pass ignores. */
    static final int WEIGHT_LOW_BITS = 3;
    /** Saturated weights lie in [−WEIGHT_LIMIT, WEIGHT_LIMIT] before a step. */
    static final int WEIGHT_LIMIT = 64;
    /** The low score bits ignored by the sigmoid's lookup. */
    static final int SCORE_LOW_BITS = 4;

    private final int features;
    private final int batch;

    EncryptedSgdProgram(int features, int batch) {
        this.features = features;
        this.batch = batch;
    }

    int features() {
        return features;
    }

    int batch() {
        return batch;
    }

    /** The real weight of one weight unit: INPUT_SCALE / (ERROR_LEVELS · B). */
    double weightScale() {
        return INPUT_SCALE / (ERROR_LEVELS * batch);
    }

    /** The largest step a weight can take in one iteration (the bias's is smaller). */
    long maximumStep() {
        return (long) batch * FEATURE_MAX * ERROR_LEVELS;
    }

    /** Weights (inputs and outputs of an iteration) lie in [lowestWeight, highestWeight]. */
    long lowestWeight() {
        return -WEIGHT_LIMIT - (1L << (WEIGHT_LOW_BITS - 1)) - maximumStep();
    }

    long highestWeight() {
        return WEIGHT_LIMIT + (1L << (WEIGHT_LOW_BITS - 1)) - 1 + maximumStep();
    }

    /** The sigmoid's level: round(ERROR_LEVELS · σ(score)) for a rounded integer score. */
    long sigmoidLevel(long roundedScore) {
        double score = roundedScore * INPUT_SCALE * weightScale() * (1 << WEIGHT_LOW_BITS);
        return Math.round(ERROR_LEVELS / (1 + Math.exp(-score)));
    }

    private static long clampWeight(long v) {
        return Math.max(-WEIGHT_LIMIT, Math.min(WEIGHT_LIMIT, v));
    }

    /** The saturated weights, full resolution: what an iteration starts from, and what the model keeps. */
    static long[] saturated(long[] w) {
        long[] out = new long[w.length];
        for (int j = 0; j < w.length; j++) {
            long rounded = BitPatterns.round(w[j], WEIGHT_LOW_BITS);
            out[j] = w[j] + clampWeight(rounded) - rounded;
        }
        return out;
    }

    /** One iteration in the clear on quantized integers: x is B×k row-major, y holds B labels, w k + 1 weights. */
    long[] step(long[] x, long[] y, long[] w) {
        long[] high = new long[w.length];
        for (int j = 0; j < w.length; j++) {
            high[j] = clampWeight(BitPatterns.round(w[j], WEIGHT_LOW_BITS)) >> WEIGHT_LOW_BITS;
        }
        long[] next = saturated(w);
        for (int i = 0; i < batch; i++) {
            long z = high[features];
            for (int j = 0; j < features; j++) {
                z += x[i * features + j] * high[j];
            }
            long e = sigmoidLevel(BitPatterns.round(z, SCORE_LOW_BITS)) - ERROR_LEVELS * y[i];
            for (int j = 0; j < features; j++) {
                next[j] -= x[i * features + j] * e;
            }
            next[features] -= e;
        }
        return next;
    }

    /** The traced iteration. */
    Tracer trace(Tracer x, Tracer y, Tracer w) {
        Tracer rounded = w.roundBitPattern(WEIGHT_LOW_BITS);
        Tracer high = rounded.apply("weight_high", v -> clampWeight(v) >> WEIGHT_LOW_BITS);
        // clamp(wr) + (w − wr), not w + (clamp(wr) − wr): w's own noise cancels in w − wr, so w' is made of bootstrap
        // outputs only and its noise does not grow from one iteration to the next.
        Tracer saturated = rounded.apply("saturate", EncryptedSgdProgram::clampWeight).add(w.subtract(rounded))
                .assumeRange(new long[] {-WEIGHT_LIMIT - (1L << (WEIGHT_LOW_BITS - 1))},
                        new long[] {WEIGHT_LIMIT + (1L << (WEIGHT_LOW_BITS - 1)) - 1});
        Tracer z = x.multiplyEncrypted(high.slice(0, features)).sum(1).add(high.slice(features, features + 1));
        Tracer e = z.roundBitPattern(SCORE_LOW_BITS).apply("sigmoid_level", this::sigmoidLevel)
                .subtract(y.multiply(ERROR_LEVELS));
        Tracer gradient = Tracer.concatenate(0, x.multiplyEncrypted(e.reshape(batch, 1)).sum(0), e.sum().reshape(1));
        return saturated.subtract(gradient);
    }

    /** The iteration compiled for encrypted x, y and w, over the full range of every argument. */
    Circuit compile(CompileOptions options) {
        Map<String, Encryption> inputs = new LinkedHashMap<>();
        inputs.put("x", Encryption.ENCRYPTED);
        inputs.put("y", Encryption.ENCRYPTED);
        inputs.put("w", Encryption.ENCRYPTED);
        long[][][] extremes = {
                {filled(batch * features, -FEATURE_MAX), filled(batch, 0), filled(features + 1, lowestWeight())},
                {filled(batch * features, FEATURE_MAX), filled(batch, 1), filled(features + 1, highestWeight())}};
        return Compiler.of(inputs, in -> trace(in.get("x"), in.get("y"), in.get("w")))
                .inputShape("x", batch, features).inputShape("y", batch).inputShape("w", features + 1)
                .compile(extremes, options);
    }

    private static long[] filled(int size, long value) {
        long[] out = new long[size];
        java.util.Arrays.fill(out, value);
        return out;
    }
}

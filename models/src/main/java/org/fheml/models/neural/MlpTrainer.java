package org.fheml.models.neural;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Trains a fully connected network with Adam on mini-batches, in plain Java on double arrays.
 *
 * <p>In {@link TrainingMode#QAT} the schedule is: float epochs (the first quarter), then calibration of the
 * activation ranges and fake-quantized training; from half-way on, each epoch ends by pruning every neuron's
 * weakest weights until its worst-case accumulator fits nAccumulatorBits and by fixing the rounding of each hidden
 * accumulator to roundingThresholdBits, so that the remaining epochs fine-tune the pruned, rounded network. In
 * {@link TrainingMode#POST_TRAINING} all epochs are float, and calibration, pruning and rounding follow at the end.
 * The learning rate decays along a half cosine to a twentieth of its start. The same seed gives the same network.
 */
final class MlpTrainer {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;
    /** Rows used to calibrate activation ranges. */
    private static final int CALIBRATION_ROWS = 2000;
    /** ReLU ranges cover this quantile of the positive activations; the rare larger ones are clipped. */
    private static final double CALIBRATION_QUANTILE = 0.999;

    private final MlpSettings settings;
    private final boolean quantize;
    private NetworkState floatState;

    /**
     * @param quantize false trains the float network of the same architecture and schedule, without fake
     *                 quantization, pruning or rounding: the benchmark a quantized network is compared with
     */
    MlpTrainer(MlpSettings settings, boolean quantize) {
        this.settings = settings;
        this.quantize = quantize;
    }

    /** Trains on features already scaled to [0, 1] (one row per sample). */
    NetworkState train(double[][] scaled, Targets targets) {
        int rows = scaled.length;
        int features = scaled[0].length;
        int[] sizes = settings.layerSizes(features, targets.outputs());
        SplittableRandom random = new SplittableRandom(settings.seed());
        NetworkState state = new NetworkState(sizes, settings.activation(), random);
        double[] floatInputs = flatten(scaled);
        double[] quantizedInputs = quantizeInputs(floatInputs);
        int epochs = settings.epochs();
        boolean qat = quantize && settings.mode() == TrainingMode.QAT;
        int qatStart = qat ? epochs / 4 : Integer.MAX_VALUE;
        int pruneStart = qat ? epochs / 2 : Integer.MAX_VALUE;
        int batch = Math.min(settings.batchSize(), rows);
        Forward forward = new Forward(state, batch);
        double[][] mW = zeros(state.w);
        double[][] vW = zeros(state.w);
        double[][] mB = zeros(state.b);
        double[][] vB = zeros(state.b);
        int[] order = new int[rows];
        Arrays.setAll(order, i -> i);
        long step = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            boolean fake = epoch >= qatStart;
            if (epoch == qatStart || epoch == pruneStart) {
                calibrate(state, quantizedInputs, features);
            }
            if (epoch == pruneStart) {
                compress(state);
            }
            double lr = settings.learningRate() * (0.05 + 0.95 * 0.5 * (1 + Math.cos(Math.PI * epoch / epochs)));
            shuffle(order, random);
            double[] inputs = fake ? quantizedInputs : floatInputs;
            for (int start = 0; start < rows; start += batch) {
                int n = Math.min(batch, rows - start);
                forward.useWeights(fake ? LayerQuantization.of(state, settings) : null);
                for (int r = 0; r < n; r++) {
                    System.arraycopy(inputs, order[start + r] * features, forward.a[0], r * features, features);
                }
                forward.run(n);
                outputGradient(forward, targets, order, start, n);
                forward.backward(n);
                step++;
                adam(state.w, forward.gW, mW, vW, state.kept, lr, step, settings.l2());
                adam(state.b, forward.gB, mB, vB, null, lr, step, 0);
            }
            if (epoch >= pruneStart) {
                compress(state);
            }
        }
        if (quantize && !qat) {
            floatState = state.copy();
            calibrate(state, quantizedInputs, features);
            compress(state);
        }
        return state;
    }

    /** After post-training quantization: the float network before it was quantized; otherwise null. */
    NetworkState floatState() {
        return floatState;
    }

    /** Prunes every neuron to the accumulator bound, then sets each hidden layer's rounding from its bounds. */
    private void compress(NetworkState state) {
        AccumulatorPruning.enforce(state, settings);
        for (int l = 0; l < state.layers() - 1; l++) {
            state.roundingLsbs[l] = settings.roundingThresholdBits() == 0 ? 0
                    : LayerQuantization.of(state, settings, l).lsbsToFit(settings.roundingThresholdBits());
        }
    }

    /**
     * Sets each hidden layer's activation range from a sample of training rows, layer after layer, each on the
     * outputs of the already calibrated layers before it.
     */
    private void calibrate(NetworkState state, double[] quantizedInputs, int features) {
        if (!state.activation.calibrated()) {
            return;
        }
        int total = quantizedInputs.length / features;
        int rows = Math.min(CALIBRATION_ROWS, total);
        Forward forward = new Forward(state, rows);
        for (int r = 0; r < rows; r++) {
            int source = (int) ((long) r * total / rows);
            System.arraycopy(quantizedInputs, source * features, forward.a[0], r * features, features);
        }
        for (int l = 0; l < state.layers() - 1; l++) {
            forward.useWeights(LayerQuantization.of(state, settings));
            forward.run(rows);
            int out = state.sizes[l + 1];
            double[] positive = new double[rows * out];
            int count = 0;
            for (int k = 0; k < rows * out; k++) {
                double h = state.activation.apply(forward.z[l][k]);
                if (h > 0) {
                    positive[count++] = h;
                }
            }
            if (count > 0) {
                Arrays.sort(positive, 0, count);
                state.activationMax[l] = positive[Math.min(count - 1, (int) (CALIBRATION_QUANTILE * count))];
            }
        }
    }

    private double[] quantizeInputs(double[] scaled) {
        QuantParams input = QuantParams.unsigned(settings.nInputBits(), 1.0);
        double[] out = new double[scaled.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = input.fakeQuantize(scaled[k]);
        }
        return out;
    }

    private static void outputGradient(Forward forward, Targets targets, int[] order, int start, int n) {
        double[] out = forward.outputs();
        double[] grad = forward.outputGradient();
        switch (targets) {
            case Targets.Classes(int[] indices, int classes) -> {
                for (int r = 0; r < n; r++) {
                    int base = r * classes;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < classes; c++) {
                        max = Math.max(max, out[base + c]);
                    }
                    double total = 0;
                    for (int c = 0; c < classes; c++) {
                        grad[base + c] = Math.exp(out[base + c] - max);
                        total += grad[base + c];
                    }
                    for (int c = 0; c < classes; c++) {
                        grad[base + c] /= total * n;
                    }
                    grad[base + indices[order[start + r]]] -= 1.0 / n;
                }
            }
            case Targets.Values(double[] values) -> {
                for (int r = 0; r < n; r++) {
                    grad[r] = (out[r] - values[order[start + r]]) / n;
                }
            }
        }
    }

    private static void adam(double[][] params, double[][] grads, double[][] m, double[][] v, boolean[][] kept,
            double lr, long step, double l2) {
        double c1 = 1 - Math.pow(BETA1, step);
        double c2 = 1 - Math.pow(BETA2, step);
        for (int l = 0; l < params.length; l++) {
            double[] p = params[l];
            double[] g = grads[l];
            double[] ml = m[l];
            double[] vl = v[l];
            boolean[] mask = kept == null ? null : kept[l];
            for (int k = 0; k < p.length; k++) {
                if (mask != null && !mask[k]) {
                    continue;
                }
                double gk = g[k] + l2 * p[k];
                ml[k] = BETA1 * ml[k] + (1 - BETA1) * gk;
                vl[k] = BETA2 * vl[k] + (1 - BETA2) * gk * gk;
                p[k] -= lr * (ml[k] / c1) / (Math.sqrt(vl[k] / c2) + EPSILON);
            }
        }
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static double[] flatten(double[][] rows) {
        int d = rows[0].length;
        double[] out = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * d, d);
        }
        return out;
    }

    private static double[][] zeros(double[][] like) {
        double[][] out = new double[like.length][];
        for (int l = 0; l < like.length; l++) {
            out[l] = new double[like[l].length];
        }
        return out;
    }
}

package org.fheml.models.neural;

/**
 * The forward (and backward) pass of a batch through a {@link NetworkState}, in float or with fake quantization.
 * With fake quantization every layer computes, in floating point, what the integer program computes: weights on
 * their integer grid times their scale, the bias on the accumulator grid, the accumulator rounded to its lookup
 * precision, and the activation requantized to the next layer's input grid. Gradients pass straight through every
 * rounding, and are cut where an activation was clipped.
 *
 * <p>A Forward holds its buffers for batches of up to {@code capacity} rows and reuses them: one per thread.
 */
final class Forward {

    private final NetworkState state;
    private final int capacity;
    /** a[l]: the input of layer l (a[L] is unused: outputs are in z[L−1]). */
    final double[][] a;
    /** z[l]: layer l's pre-activation (after rounding, if quantized). */
    final double[][] z;
    /** d[l]: f'(z) times the straight-through mask of layer l's activation quantizer (hidden layers). */
    private final double[][] d;
    private final double[][] dz;
    /** The weights used by the last forward: latent or fake-quantized. */
    private final double[][] used;
    private final double[][] usedBias;
    final double[][] gW;
    final double[][] gB;
    private LayerQuantization[] quantization;
    /** Indices of a row's non-zero inputs: inputs are sparse (MNIST pixels, ReLU outputs), so dot products skip zeros. */
    private final int[] nz;

    Forward(NetworkState state, int capacity) {
        this.state = state;
        this.capacity = capacity;
        int layers = state.layers();
        a = new double[layers][];
        z = new double[layers][];
        d = new double[layers][];
        dz = new double[layers][];
        used = new double[layers][];
        usedBias = new double[layers][];
        gW = new double[layers][];
        gB = new double[layers][];
        int widest = 0;
        for (int size : state.sizes) {
            widest = Math.max(widest, size);
        }
        nz = new int[widest];
        for (int l = 0; l < layers; l++) {
            a[l] = new double[capacity * state.sizes[l]];
            z[l] = new double[capacity * state.sizes[l + 1]];
            d[l] = new double[capacity * state.sizes[l + 1]];
            dz[l] = new double[capacity * state.sizes[l + 1]];
            used[l] = new double[state.w[l].length];
            usedBias[l] = new double[state.sizes[l + 1]];
            gW[l] = new double[state.w[l].length];
            gB[l] = new double[state.sizes[l + 1]];
        }
    }

    /**
     * Fixes the weights the following forward passes use: the latent weights (quantization null) or the fake
     * quantized ones of {@code quantization}.
     */
    void useWeights(LayerQuantization[] quantization) {
        this.quantization = quantization;
        for (int l = 0; l < state.layers(); l++) {
            if (quantization == null) {
                System.arraycopy(state.w[l], 0, used[l], 0, used[l].length);
                System.arraycopy(state.b[l], 0, usedBias[l], 0, usedBias[l].length);
            } else {
                LayerQuantization q = quantization[l];
                for (int o = 0; o < q.out; o++) {
                    double s = q.weightScale[o];
                    for (int k = o * q.in; k < (o + 1) * q.in; k++) {
                        used[l][k] = q.wq[k] * s;
                    }
                    usedBias[l][o] = q.bq[o] * q.accumulatorScale[o];
                }
            }
        }
    }

    /**
     * Runs {@code rows} rows whose (scaled, and if quantized already input-quantized) features are in a[0]; the
     * outputs are in z[L−1], dequantized.
     */
    void run(int rows) {
        if (rows > capacity) {
            throw new IllegalArgumentException("batch of " + rows + " rows exceeds the capacity " + capacity);
        }
        int layers = state.layers();
        for (int l = 0; l < layers; l++) {
            int in = state.sizes[l];
            int out = state.sizes[l + 1];
            boolean hidden = l < layers - 1;
            double[] x = a[l];
            double[] w = used[l];
            double[] bias = usedBias[l];
            double[] zl = z[l];
            LayerQuantization q = quantization == null ? null : quantization[l];
            double unit = q == null ? 0 : 1L << q.roundingLsbs;
            for (int r = 0; r < rows; r++) {
                int xr = r * in;
                int nonZero = nonZeros(x, xr, in);
                for (int o = 0; o < out; o++) {
                    int wr = o * in;
                    double s = 0;
                    if (nonZero < in / 2) {
                        for (int k = 0; k < nonZero; k++) {
                            int i = nz[k];
                            s += w[wr + i] * x[xr + i];
                        }
                    } else {
                        for (int i = 0; i < in; i++) {
                            s += w[wr + i] * x[xr + i];
                        }
                    }
                    s += bias[o];
                    if (q != null && q.roundingLsbs > 0) {
                        double acc = Math.rint(s / q.accumulatorScale[o]);
                        s = Math.floor(acc / unit + 0.5) * unit * q.accumulatorScale[o];
                    }
                    zl[r * out + o] = s;
                }
            }
            if (hidden) {
                double[] next = a[l + 1];
                double[] dl = d[l];
                QuantParams outQ = q == null ? null : q.output;
                for (int k = 0; k < rows * out; k++) {
                    double fz = state.activation.apply(zl[k]);
                    double deriv = state.activation.derivative(zl[k], fz);
                    if (outQ != null) {
                        if (!outQ.inRange(fz)) {
                            deriv = 0;
                        }
                        fz = outQ.fakeQuantize(fz);
                    }
                    next[k] = fz;
                    dl[k] = deriv;
                }
            }
        }
    }

    /** The network's outputs of the last {@link #run(int)}, row-major: dequantized scores or values. */
    double[] outputs() {
        return z[state.layers() - 1];
    }

    /**
     * Back-propagates the gradient of the loss with respect to the outputs (in dz of the last layer, filled by the
     * caller through {@link #outputGradient()}) and accumulates the weight and bias gradients into gW and gB
     * (overwritten).
     */
    void backward(int rows) {
        int layers = state.layers();
        for (int l = layers - 1; l >= 0; l--) {
            int in = state.sizes[l];
            int out = state.sizes[l + 1];
            double[] g = dz[l];
            double[] x = a[l];
            double[] gw = gW[l];
            double[] gb = gB[l];
            java.util.Arrays.fill(gw, 0);
            java.util.Arrays.fill(gb, 0);
            for (int r = 0; r < rows; r++) {
                int xr = r * in;
                int nonZero = nonZeros(x, xr, in);
                boolean sparse = nonZero < in / 2;
                for (int o = 0; o < out; o++) {
                    double go = g[r * out + o];
                    if (go == 0) {
                        continue;
                    }
                    gb[o] += go;
                    int wr = o * in;
                    if (sparse) {
                        for (int k = 0; k < nonZero; k++) {
                            int i = nz[k];
                            gw[wr + i] += go * x[xr + i];
                        }
                    } else {
                        for (int i = 0; i < in; i++) {
                            gw[wr + i] += go * x[xr + i];
                        }
                    }
                }
            }
            if (l > 0) {
                double[] w = used[l];
                double[] prev = dz[l - 1];
                double[] dPrev = d[l - 1];
                java.util.Arrays.fill(prev, 0, rows * in, 0);
                for (int r = 0; r < rows; r++) {
                    int xr = r * in;
                    for (int o = 0; o < out; o++) {
                        double go = g[r * out + o];
                        if (go == 0) {
                            continue;
                        }
                        int wr = o * in;
                        for (int i = 0; i < in; i++) {
                            prev[xr + i] += go * w[wr + i];
                        }
                    }
                    for (int i = 0; i < in; i++) {
                        prev[xr + i] *= dPrev[xr + i];
                    }
                }
            }
        }
    }

    /** Writes the indices of the non-zero entries of x[from .. from+length) into nz; returns how many. */
    private int nonZeros(double[] x, int from, int length) {
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (x[from + i] != 0) {
                nz[count++] = i;
            }
        }
        return count;
    }

    /** The buffer the caller fills with dLoss/dOutput before {@link #backward(int)}. */
    double[] outputGradient() {
        return dz[state.layers() - 1];
    }
}

package org.fheml.models.neural;

/**
 * One layer of a {@link NetworkState} as the integer program sees it at this moment: integer weights and their
 * scales, the integer bias at the accumulator scale, the input and output quantizers, the accumulator rounding and
 * the worst-case accumulator bounds. The QAT forward pass and the final {@link QuantizedLayer} are both built from it.
 */
final class LayerQuantization {

    final int in;
    final int out;
    final QuantParams input;
    /** Integer weights (as doubles, exact), row-major like {@link NetworkState#w}. */
    final double[] wq;
    /** The real value of one integer step of neuron o's weights. */
    final double[] weightScale;
    /** weightScale[o] · input.scale: the real value of one unit of neuron o's accumulator. */
    final double[] accumulatorScale;
    final long[] bq;
    final int roundingLsbs;
    /** The quantizer of this layer's activations, or null for the output layer (dequantized instead). */
    final QuantParams output;
    final long[] accMin;
    final long[] accMax;

    private LayerQuantization(int in, int out, QuantParams input, double[] wq, double[] weightScale,
            double[] accumulatorScale, long[] bq, int roundingLsbs, QuantParams output) {
        this.in = in;
        this.out = out;
        this.input = input;
        this.wq = wq;
        this.weightScale = weightScale;
        this.accumulatorScale = accumulatorScale;
        this.bq = bq;
        this.roundingLsbs = roundingLsbs;
        this.output = output;
        this.accMin = new long[out];
        this.accMax = new long[out];
        long lo = input.minInteger() - input.zeroPoint();
        long hi = input.maxInteger() - input.zeroPoint();
        for (int o = 0; o < out; o++) {
            long min = bq[o];
            long max = bq[o];
            int row = o * in;
            for (int i = 0; i < in; i++) {
                long q = (long) wq[row + i];
                min += Math.min(q * lo, q * hi);
                max += Math.max(q * lo, q * hi);
            }
            accMin[o] = min;
            accMax[o] = max;
        }
    }

    /** The input quantizer of layer l: the scaled features for l = 0, else the previous layer's activations. */
    static QuantParams inputQuantizer(NetworkState state, MlpSettings settings, int l) {
        return l == 0 ? QuantParams.unsigned(settings.nInputBits(), 1.0)
                : state.activation.outputQuantizer(settings.nActivationBits(), state.activationMax[l - 1]);
    }

    /** Layer l of the state, quantized with the settings' bit widths. */
    static LayerQuantization of(NetworkState state, MlpSettings settings, int l) {
        int in = state.sizes[l];
        int out = state.sizes[l + 1];
        QuantParams input = inputQuantizer(state, settings, l);
        double[] w = state.w[l];
        boolean[] kept = state.kept[l];
        double maxInt = (1L << (settings.nWeightBits() - 1)) - 1;
        double[] weightScale = new double[out];
        double layerMax = 0;
        for (int o = 0; o < out; o++) {
            double m = 0;
            for (int i = o * in; i < (o + 1) * in; i++) {
                if (kept[i]) {
                    m = Math.max(m, Math.abs(w[i]));
                }
            }
            weightScale[o] = m;
            layerMax = Math.max(layerMax, m);
        }
        for (int o = 0; o < out; o++) {
            double m = settings.weightScaling() == WeightScaling.PER_LAYER ? layerMax : weightScale[o];
            weightScale[o] = m > 0 ? m / maxInt : 1.0;
        }
        double[] wq = new double[w.length];
        for (int o = 0; o < out; o++) {
            for (int i = o * in; i < (o + 1) * in; i++) {
                wq[i] = kept[i] ? Math.max(-maxInt, Math.min(maxInt, Math.rint(w[i] / weightScale[o]))) : 0;
            }
        }
        double[] accumulatorScale = new double[out];
        long[] bq = new long[out];
        long limit = settings.accumulatorLimit();
        for (int o = 0; o < out; o++) {
            accumulatorScale[o] = weightScale[o] * input.scale();
            bq[o] = (long) Math.max(-limit, Math.min(limit, Math.rint(state.b[l][o] / accumulatorScale[o])));
        }
        boolean last = l == state.layers() - 1;
        QuantParams output = last ? null
                : state.activation.outputQuantizer(settings.nActivationBits(), state.activationMax[l]);
        return new LayerQuantization(in, out, input, wq, weightScale, accumulatorScale, bq,
                last ? 0 : state.roundingLsbs[l], output);
    }

    /** Every layer of the state. */
    static LayerQuantization[] of(NetworkState state, MlpSettings settings) {
        LayerQuantization[] layers = new LayerQuantization[state.layers()];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = of(state, settings, l);
        }
        return layers;
    }

    /** The signed width of this layer's widest worst-case accumulator. */
    int accumulatorBits() {
        int bits = 1;
        for (int o = 0; o < out; o++) {
            bits = Math.max(bits, IntegerRanges.signedBits(accMin[o], accMax[o]));
        }
        return bits;
    }

    /**
     * The fewest low bits to round off so that every neuron's rounded worst-case accumulator fits {@code bits}
     * signed bits. Rounding half up can carry into a new top bit (127 rounds to 2^5 at 2 lsbs), so this checks the
     * rounded bounds rather than subtracting widths.
     */
    int lsbsToFit(int bits) {
        int lsbs = 0;
        while (true) {
            boolean fits = true;
            for (int o = 0; o < out && fits; o++) {
                fits = IntegerRanges.signedBits(IntegerRanges.round(accMin[o], lsbs),
                        IntegerRanges.round(accMax[o], lsbs)) <= bits;
            }
            if (fits) {
                return lsbs;
            }
            lsbs++;
        }
    }
}

package org.fheml.models.neural;

/**
 * A float fully connected network: the benchmark a quantized network is compared with (trained by the same
 * trainer, schedule and seed, without quantization), and the float model post-training quantization starts from.
 * Immutable.
 */
public final class FloatNetwork {

    private final FeatureScaling scaling;
    private final NetworkState state;

    FloatNetwork(FeatureScaling scaling, NetworkState trained) {
        this.scaling = scaling;
        this.state = trained.copy();
    }

    public FeatureScaling scaling() {
        return scaling;
    }

    public Activation activation() {
        return state.activation;
    }

    /** Neurons per layer, from the inputs to the outputs. */
    public int[] layerSizes() {
        return state.sizes.clone();
    }

    /** Layer l's weights, one row per output neuron. */
    public double[][] weights(int layer) {
        int in = state.sizes[layer];
        double[][] out = new double[state.sizes[layer + 1]][];
        for (int o = 0; o < out.length; o++) {
            out[o] = java.util.Arrays.copyOfRange(state.w[layer], o * in, (o + 1) * in);
        }
        return out;
    }

    public double[] bias(int layer) {
        return state.b[layer].clone();
    }

    /** The network's outputs (class scores, or the standardized regression value) for every row. */
    public double[][] predict(double[][] X) {
        return Forwards.predict(state, null, scaling, X);
    }
}

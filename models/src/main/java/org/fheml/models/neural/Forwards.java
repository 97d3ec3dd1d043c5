package org.fheml.models.neural;

/** Batched forward passes over whole matrices, in float or with the fake quantization of QAT. */
final class Forwards {

    private static final int BATCH = 256;

    private Forwards() {
    }

    /**
     * The outputs of the state for every row of X (raw features). With settings null the pass is float; otherwise
     * inputs, weights, accumulators and activations are fake-quantized as during quantization-aware training.
     */
    static double[][] predict(NetworkState state, MlpSettings settings, FeatureScaling scaling, double[][] X) {
        int features = scaling.featureCount();
        int outputs = state.sizes[state.sizes.length - 1];
        Forward forward = new Forward(state, Math.min(BATCH, X.length));
        forward.useWeights(settings == null ? null : LayerQuantization.of(state, settings));
        QuantParams input = settings == null ? null : QuantParams.unsigned(settings.nInputBits(), 1.0);
        double[] row = new double[features];
        double[][] out = new double[X.length][outputs];
        for (int start = 0; start < X.length; start += BATCH) {
            int n = Math.min(BATCH, X.length - start);
            for (int r = 0; r < n; r++) {
                scaling.scale(X[start + r], row);
                for (int j = 0; j < features; j++) {
                    forward.a[0][r * features + j] = input == null ? row[j] : input.fakeQuantize(row[j]);
                }
            }
            forward.run(n);
            double[] result = forward.outputs();
            for (int r = 0; r < n; r++) {
                System.arraycopy(result, r * outputs, out[start + r], 0, outputs);
            }
        }
        return out;
    }
}

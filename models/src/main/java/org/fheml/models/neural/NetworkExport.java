package org.fheml.models.neural;

import java.util.ArrayList;
import java.util.List;

/** Turns a trained, quantized {@link NetworkState} into the {@link QuantizedMlp} it stands for. */
final class NetworkExport {

    private NetworkExport() {
    }

    static QuantizedMlp export(NetworkState state, MlpSettings settings, FeatureScaling scaling) {
        LayerQuantization[] quantized = LayerQuantization.of(state, settings);
        List<QuantizedLayer> layers = new ArrayList<>();
        for (LayerQuantization q : quantized) {
            long[][] weights = new long[q.out][q.in];
            for (int o = 0; o < q.out; o++) {
                for (int i = 0; i < q.in; i++) {
                    weights[o][i] = (long) q.wq[o * q.in + i];
                }
            }
            LayerOutput output = q.output == null ? new LayerOutput.Dequantized()
                    : new LayerOutput.Lookup(q.roundingLsbs, state.activation, q.output);
            layers.add(new QuantizedLayer(weights, q.bq, q.input, q.accumulatorScale, output));
        }
        return new QuantizedMlp(scaling, quantized[0].input, layers, state.prunedWeights());
    }
}

package org.fheml.quantization;

import java.util.List;
import org.fheml.compilation.Exactness;

/**
 * Fully connected networks as {@link QuantizedModule}s, from a list of layers: each hidden layer is
 * Gemm → round (to the accumulator bits) → activation lookup, the last layer a Gemm whose accumulators are
 * dequantized in the clear (per-channel weights there). Post-training takes float layers and calibration rows;
 * quantization-aware training gives integer weights and activation quantizers as trained.
 */
public final class DenseNetworks {

    /**
     * The widths of a post-training network.
     *
     * @param inputs      bits of the input quantizer (signed, one for every feature)
     * @param weights     bits of every layer's weights (signed, symmetric)
     * @param accumulator the bits each activation lookup reads: accumulators are rounded to it
     * @param activations bits of every activation's output quantizer
     */
    public record Bits(int inputs, int weights, int accumulator, int activations) {
    }

    /** A float layer, W [inputs][outputs]; the activation is ignored on the last layer. */
    public record FloatLayer(double[][] weights, double[] bias, Activation activation) {
    }

    /**
     * A quantization-aware layer: integer weights [inputs][outputs] with their scale and zero point, a float bias,
     * and (hidden layers only) the activation with its trained output quantizer.
     */
    public record FixedLayer(long[][] weights, double weightScale, long weightZeroPoint, double[] bias,
            Activation activation, UniformQuantizer activationQuantizer) {
    }

    private DenseNetworks() {
    }

    /** Post-training quantization of float layers, calibrated on the calibration rows. */
    public static QuantizedModule postTraining(double[][] calibration, List<FloatLayer> layers, Bits bits,
            Exactness rounding) {
        QuantizedModuleBuilder b = QuantizedModule.postTraining(calibration, QuantizationOptions.signed(bits.inputs()),
                false);
        QuantizedModuleBuilder.Value h = b.input();
        QuantizationOptions weights = new QuantizationOptions(bits.weights(), true, true, false);
        for (int i = 0; i < layers.size(); i++) {
            FloatLayer layer = layers.get(i);
            boolean last = i == layers.size() - 1;
            h = b.gemm(h, layer.weights(), layer.bias(), weights, last);
            if (!last) {
                h = b.round(h, bits.accumulator(), rounding);
                QuantizationOptions out = layer.activation().nonNegative()
                        ? QuantizationOptions.unsigned(bits.activations())
                        : QuantizationOptions.signed(bits.activations());
                h = b.activation(h, layer.activation(), out);
            }
        }
        return b.build(h);
    }

    /** The network of quantization-aware layers on a given input quantizer, as trained. */
    public static QuantizedModule fixed(FeatureQuantizer input, List<FixedLayer> layers, int accumulatorBits,
            Exactness rounding) {
        QuantizedModuleBuilder b = QuantizedModule.builder(input);
        QuantizedModuleBuilder.Value h = b.input();
        if (!b.quantizationOf(h).isUniform()) {
            throw new IllegalArgumentException("A quantization-aware network needs one input quantizer for every "
                    + "feature: use FeatureQuantizer.uniform.");
        }
        for (int i = 0; i < layers.size(); i++) {
            FixedLayer layer = layers.get(i);
            h = b.gemm(h, layer.weights(), new double[] {layer.weightScale()}, new long[] {layer.weightZeroPoint()},
                    layer.bias());
            if (i < layers.size() - 1) {
                h = b.round(h, accumulatorBits, rounding);
                h = b.activation(h, layer.activation(), layer.activationQuantizer());
            }
        }
        return b.build(h);
    }
}

package org.fheml.models.neural;

import java.util.List;
import org.fheml.compilation.BitPatterns;
import org.fheml.compilation.Exactness;
import org.fheml.quantization.FeatureQuantizer;
import org.fheml.quantization.IntegerBounds;
import org.fheml.quantization.QuantizationOptions;
import org.fheml.quantization.QuantizedModule;
import org.fheml.quantization.QuantizedModuleBuilder;
import org.fheml.quantization.RoundOp;
import org.fheml.quantization.TableOp;
import org.fheml.quantization.TensorQuantization;
import org.fheml.quantization.UniformQuantizer;

/**
 * A {@link QuantizedMlp} as a {@link QuantizedModule} on the shared quantized-op layer, computing the same integers:
 * per layer a Gemm with the trained integer weights and bias (fixed-parameter import); per hidden layer a
 * {@link RoundOp} and a {@link TableOp} whose per-neuron tables are the layer's own lookup tables (each neuron has
 * its own accumulator scale, so no shared table fits).
 *
 * <p>With {@link Exactness#APPROXIMATE} rounding (no bootstrap of its own: the lookup's bootstrap absorbs it), an
 * accumulator exactly halfway between two rounded values would be decided by noise. The Gemm then computes
 * {@code 2·acc + 1} instead, and the rounding drops one bit more: {@code round(2·acc + 1, l + 1) = round(acc, l)}
 * for every integer, and the odd value never lies on a halfway point. Values a few units from a boundary can still
 * be decided by the bootstrap's modulus-switch noise, which is why the estimators default to exact rounding.
 */
final class MlpModule {

    private MlpModule() {
    }

    static QuantizedModule of(QuantizedMlp mlp, Exactness rounding) {
        QuantParams in = mlp.input();
        UniformQuantizer input = new UniformQuantizer(options(in), in.scale(), in.zeroPoint());
        QuantizedModuleBuilder b = QuantizedModule.builder(FeatureQuantizer.uniform(input, mlp.featureCount()));
        QuantizedModuleBuilder.Value h = b.input();
        List<QuantizedLayer> layers = mlp.layers();
        for (QuantizedLayer layer : layers) {
            int lsbs = layer.output() instanceof LayerOutput.Lookup lookup ? lookup.roundingLsbs() : 0;
            boolean odd = lsbs > 0 && rounding == Exactness.APPROXIMATE;
            long factor = odd ? 2 : 1;
            long[][] w = layer.weights();
            long[] bias = layer.bias();
            double[] accScale = layer.accumulatorScale();
            double sx = b.quantizationOf(h).scale(0);
            long[][] qW = new long[layer.inputs()][layer.outputs()];
            double[] weightScales = new double[layer.outputs()];
            double[] floatBias = new double[layer.outputs()];
            for (int o = 0; o < layer.outputs(); o++) {
                for (int i = 0; i < layer.inputs(); i++) {
                    qW[i][o] = factor * w[o][i];
                }
                double scale = accScale[o] / factor;
                weightScales[o] = scale / sx;
                floatBias[o] = (factor * bias[o] + (odd ? 1 : 0)) * (sx * weightScales[o]);
            }
            QuantizedModuleBuilder.Value acc = b.gemm(h, qW, weightScales, new long[] {0}, floatBias);
            if (layer.output() instanceof LayerOutput.Lookup lookup) {
                int r = odd ? lsbs + 1 : lsbs;
                QuantizedModuleBuilder.Value rounded = b.add(new RoundOp(r, rounding, b.quantizationOf(acc)), acc);
                h = b.add(table(layer, lookup, r, b.boundsOf(acc), b.quantizationOf(rounded)), rounded);
            } else {
                h = acc;
            }
        }
        return b.build(h);
    }

    /**
     * The layer's lookup tables over the rounded values of every neuron's accumulator, from the lowest multiple of
     * 2^r at or below the smallest accumulator (where a bootstrap that absorbs the rounding starts its table).
     */
    private static TableOp table(QuantizedLayer layer, LayerOutput.Lookup lookup, int r, IntegerBounds acc,
            TensorQuantization input) {
        long step = 1L << r;
        long offset = Math.floorDiv(acc.min(), step) * step;
        long last = BitPatterns.round(acc.max(), r) + step;
        int size = Math.toIntExact(last - offset + 1);
        long[][] tables = new long[layer.outputs()][size];
        for (int o = 0; o < tables.length; o++) {
            long[] own = layer.lookupTable(o);
            long min = layer.roundedMin(o);
            for (int k = 0; k < size; k++) {
                long units = Math.floorDiv(offset + k, step);
                int index = (int) Math.max(0, Math.min(own.length - 1, units - min));
                tables[o][k] = own[index];
            }
        }
        QuantParams out = lookup.output();
        TensorQuantization output = TensorQuantization.uniform(new int[] {layer.outputs()}, out.scale(),
                out.zeroPoint());
        return new TableOp(activation(lookup.activation()), input, offset, tables, output);
    }

    static QuantizationOptions options(QuantParams q) {
        return q.signed() ? new QuantizationOptions(q.bits(), true, true, true)
                : QuantizationOptions.unsigned(q.bits());
    }

    private static org.fheml.quantization.Activation activation(Activation a) {
        return switch (a) {
            case RELU -> org.fheml.quantization.Activation.relu();
            case SIGMOID -> org.fheml.quantization.Activation.sigmoid();
            case TANH -> org.fheml.quantization.Activation.tanh();
        };
    }
}

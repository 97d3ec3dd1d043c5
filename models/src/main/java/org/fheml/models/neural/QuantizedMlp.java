package org.fheml.models.neural;

import java.util.List;

/**
 * A trained network as the integer program the circuit will compute, and its exact evaluation in the clear.
 *
 * <p>The client scales each feature to [0, 1] ({@link FeatureScaling}) and quantizes it with {@link #input()}. Each
 * {@link QuantizedLayer} then computes integer accumulators; a hidden layer rounds them and looks up its quantized
 * activations (one lookup, i.e. one bootstrap, per hidden neuron and row); the last layer's accumulators are the
 * program's outputs, which the client dequantizes ({@code accumulatorScale · acc}). Immutable.
 */
public final class QuantizedMlp {

    private final FeatureScaling scaling;
    private final QuantParams input;
    private final List<QuantizedLayer> layers;
    private final int prunedWeights;

    /**
     * @param prunedWeights weights removed by pruning to fit the accumulator width, for reports
     */
    public QuantizedMlp(FeatureScaling scaling, QuantParams input, List<QuantizedLayer> layers, int prunedWeights) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("A network needs at least one layer.");
        }
        if (layers.get(0).inputs() != scaling.featureCount()) {
            throw new IllegalArgumentException("The first layer takes " + layers.get(0).inputs()
                    + " inputs but the scaling has " + scaling.featureCount() + " features.");
        }
        for (int l = 0; l < layers.size(); l++) {
            boolean last = l == layers.size() - 1;
            if (last != (layers.get(l).output() instanceof LayerOutput.Dequantized)) {
                throw new IllegalArgumentException("Layer " + l + (last ? " is the output layer and must be "
                        + "dequantized" : " is hidden and must end in a lookup") + ".");
            }
            if (l > 0 && layers.get(l).inputs() != layers.get(l - 1).outputs()) {
                throw new IllegalArgumentException("Layer " + l + " takes " + layers.get(l).inputs()
                        + " inputs but layer " + (l - 1) + " has " + layers.get(l - 1).outputs() + " outputs.");
            }
        }
        this.scaling = scaling;
        this.input = input;
        this.layers = List.copyOf(layers);
        this.prunedWeights = prunedWeights;
    }

    public FeatureScaling scaling() {
        return scaling;
    }

    /** The quantizer of the scaled features: the integers the client encrypts. */
    public QuantParams input() {
        return input;
    }

    public List<QuantizedLayer> layers() {
        return layers;
    }

    public int featureCount() {
        return scaling.featureCount();
    }

    public int outputCount() {
        return layers.get(layers.size() - 1).outputs();
    }

    /** Weights removed by pruning. */
    public int prunedWeights() {
        return prunedWeights;
    }

    /** All weights of the architecture, pruned or not. */
    public int totalWeights() {
        int total = 0;
        for (QuantizedLayer layer : layers) {
            total += layer.inputs() * layer.outputs();
        }
        return total;
    }

    /** Table lookups (bootstraps) per row: one per hidden neuron. */
    public int lookupsPerRow() {
        int lookups = 0;
        for (int l = 0; l < layers.size() - 1; l++) {
            lookups += layers.get(l).outputs();
        }
        return lookups;
    }

    /** The widest worst-case accumulator of any layer, in signed bits. */
    public int maxAccumulatorBits() {
        int bits = 0;
        for (QuantizedLayer layer : layers) {
            bits = Math.max(bits, layer.accumulatorBits());
        }
        return bits;
    }

    /** The precision the widest lookup must resolve, after rounding (0 for a network without hidden layer). */
    public int lookupBits() {
        int bits = 0;
        for (QuantizedLayer layer : layers) {
            bits = Math.max(bits, layer.lookupBits());
        }
        return bits;
    }

    /** The integers the client encrypts for one row of raw features. */
    public long[] quantizeInput(double[] x) {
        double[] u = new double[x.length];
        scaling.scale(x, u);
        long[] q = new long[u.length];
        for (int j = 0; j < q.length; j++) {
            q[j] = input.quantize(u[j]);
        }
        return q;
    }

    /** The program's integer outputs (the last layer's accumulators) for one row of quantized inputs. */
    public long[] evaluate(long[] xq) {
        if (xq.length != featureCount()) {
            throw new IllegalArgumentException("The program takes " + featureCount() + " inputs, got " + xq.length
                    + ".");
        }
        for (int j = 0; j < xq.length; j++) {
            if (xq[j] < input.minInteger() || xq[j] > input.maxInteger()) {
                throw new IllegalArgumentException("Input " + j + " is " + xq[j] + ", outside the input quantizer's "
                        + input.minInteger() + ".." + input.maxInteger() + ".");
            }
        }
        long[] x = xq;
        for (QuantizedLayer layer : layers) {
            long[] acc = new long[layer.outputs()];
            layer.accumulate(x, acc);
            if (layer.output() instanceof LayerOutput.Lookup) {
                long[] next = new long[layer.outputs()];
                layer.lookup(acc, next);
                x = next;
            } else {
                x = acc;
            }
        }
        return x;
    }

    /** The real outputs from the program's integer outputs. */
    public double[] dequantizeOutput(long[] acc) {
        double[] scale = layers.get(layers.size() - 1).accumulatorScale();
        double[] out = new double[acc.length];
        for (int o = 0; o < out.length; o++) {
            out[o] = scale[o] * acc[o];
        }
        return out;
    }

    /** quantize → integer program → dequantize, for every row: the DISABLE mode of the estimators. */
    public double[][] predict(double[][] X) {
        double[][] out = new double[X.length][];
        for (int i = 0; i < X.length; i++) {
            out[i] = dequantizeOutput(evaluate(quantizeInput(X[i])));
        }
        return out;
    }

    /** A one-paragraph summary for reports. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append("QuantizedMlp: input ").append(input.bits()).append(" bits; layers");
        for (QuantizedLayer layer : layers) {
            s.append(' ').append(layer.inputs()).append("->").append(layer.outputs()).append(" (acc ")
                    .append(layer.accumulatorBits()).append(" bits");
            if (layer.output() instanceof LayerOutput.Lookup lookup) {
                s.append(", round ").append(lookup.roundingLsbs()).append(", lookup ").append(layer.lookupBits())
                        .append(" bits, act ").append(lookup.output().bits()).append(" bits");
            }
            s.append(')');
        }
        s.append("; pruned ").append(prunedWeights).append('/').append(totalWeights()).append(" weights; ")
                .append(lookupsPerRow()).append(" lookups per row");
        return s.toString();
    }
}

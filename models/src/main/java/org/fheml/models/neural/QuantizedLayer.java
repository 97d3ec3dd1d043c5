package org.fheml.models.neural;

import java.util.Arrays;

/**
 * One fully connected layer of a {@link QuantizedMlp}, as integers: acc = W_q · (x_q − zp) + b_q for each neuron,
 * with W_q the signed integer weights, x_q the layer's quantized input with the input quantizer's zero point zp,
 * and b_q the integer bias at the accumulator scale; the real value of acc is {@code accumulatorScale[o] · acc}.
 * Then {@link LayerOutput} says whether the accumulators go through a lookup (hidden layers) or leave the program.
 *
 * <p>The worst-case accumulator range of each neuron is computed by interval arithmetic over every input the
 * input quantizer can produce, so the bounds hold for all rows, not only for the training data. Instances are
 * immutable: the accessors return copies.
 */
public final class QuantizedLayer {

    private final long[][] weights;
    private final long[] bias;
    private final QuantParams input;
    private final double[] accumulatorScale;
    private final LayerOutput output;
    private final long[] accumulatorMin;
    private final long[] accumulatorMax;
    /** For a lookup layer: per neuron, the next quantized value for each rounded accumulator from its minimum. */
    private final long[][] tables;
    private final long[] roundedMin;

    /**
     * @param weights          one row of integer weights per output neuron
     * @param bias             one integer bias per neuron, at the accumulator scale
     * @param input            the quantizer of this layer's input
     * @param accumulatorScale the real value of one unit of each neuron's accumulator
     * @param output           a lookup (hidden layer) or dequantization (output layer)
     */
    public QuantizedLayer(long[][] weights, long[] bias, QuantParams input, double[] accumulatorScale,
            LayerOutput output) {
        int out = weights.length;
        if (out == 0 || bias.length != out || accumulatorScale.length != out) {
            throw new IllegalArgumentException("A layer needs one weight row, bias and accumulator scale per neuron, "
                    + "got " + out + ", " + bias.length + " and " + accumulatorScale.length + ".");
        }
        int in = weights[0].length;
        this.weights = new long[out][];
        for (int o = 0; o < out; o++) {
            if (weights[o].length != in) {
                throw new IllegalArgumentException("Weight row " + o + " has " + weights[o].length
                        + " entries but row 0 has " + in + ".");
            }
            this.weights[o] = weights[o].clone();
        }
        this.bias = bias.clone();
        this.input = input;
        this.accumulatorScale = accumulatorScale.clone();
        this.output = output;
        this.accumulatorMin = new long[out];
        this.accumulatorMax = new long[out];
        long lo = input.minInteger() - input.zeroPoint();
        long hi = input.maxInteger() - input.zeroPoint();
        for (int o = 0; o < out; o++) {
            long min = bias[o];
            long max = bias[o];
            for (long q : weights[o]) {
                min += Math.min(q * lo, q * hi);
                max += Math.max(q * lo, q * hi);
            }
            accumulatorMin[o] = min;
            accumulatorMax[o] = max;
        }
        if (output instanceof LayerOutput.Lookup lookup) {
            tables = new long[out][];
            roundedMin = new long[out];
            for (int o = 0; o < out; o++) {
                long rMin = IntegerRanges.round(accumulatorMin[o], lookup.roundingLsbs());
                long rMax = IntegerRanges.round(accumulatorMax[o], lookup.roundingLsbs());
                roundedMin[o] = rMin;
                tables[o] = new long[Math.toIntExact(rMax - rMin + 1)];
                double unit = accumulatorScale[o] * (1L << lookup.roundingLsbs());
                for (int k = 0; k < tables[o].length; k++) {
                    double real = unit * (rMin + k);
                    tables[o][k] = lookup.output().quantize(lookup.activation().apply(real));
                }
            }
        } else {
            tables = null;
            roundedMin = null;
        }
    }

    public int inputs() {
        return weights[0].length;
    }

    public int outputs() {
        return weights.length;
    }

    public long[][] weights() {
        long[][] copy = new long[weights.length][];
        for (int o = 0; o < copy.length; o++) {
            copy[o] = weights[o].clone();
        }
        return copy;
    }

    public long[] bias() {
        return bias.clone();
    }

    public QuantParams input() {
        return input;
    }

    public double[] accumulatorScale() {
        return accumulatorScale.clone();
    }

    public LayerOutput output() {
        return output;
    }

    /** The smallest accumulator each neuron can reach, over every possible input. */
    public long[] accumulatorMin() {
        return accumulatorMin.clone();
    }

    /** The largest accumulator each neuron can reach, over every possible input. */
    public long[] accumulatorMax() {
        return accumulatorMax.clone();
    }

    /** The signed width that holds every neuron's worst-case accumulator. */
    public int accumulatorBits() {
        int bits = 1;
        for (int o = 0; o < outputs(); o++) {
            bits = Math.max(bits, IntegerRanges.signedBits(accumulatorMin[o], accumulatorMax[o]));
        }
        return bits;
    }

    /**
     * The signed precision the lookups must resolve: the width of the widest rounded accumulator range (0 for
     * the output layer, which has no lookup).
     */
    public int lookupBits() {
        if (!(output instanceof LayerOutput.Lookup lookup)) {
            return 0;
        }
        int bits = 1;
        for (int o = 0; o < outputs(); o++) {
            bits = Math.max(bits, IntegerRanges.signedBits(IntegerRanges.round(accumulatorMin[o],
                    lookup.roundingLsbs()), IntegerRanges.round(accumulatorMax[o], lookup.roundingLsbs())));
        }
        return bits;
    }

    /** Number of non-zero weights. */
    public int nonZeroWeights() {
        int count = 0;
        for (long[] row : weights) {
            for (long q : row) {
                if (q != 0) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Neuron o's lookup table: entry k is the quantized activation for the rounded accumulator
     * {@code roundedMin(o) + k}.
     *
     * @throws IllegalStateException for the output layer, which has no lookup
     */
    public long[] lookupTable(int neuron) {
        if (tables == null) {
            throw new IllegalStateException("The output layer has no lookup table: its accumulators are dequantized.");
        }
        return tables[neuron].clone();
    }

    /** The rounded accumulator that entry 0 of neuron o's lookup table stands for. */
    public long roundedMin(int neuron) {
        if (roundedMin == null) {
            throw new IllegalStateException("The output layer has no lookup table: its accumulators are dequantized.");
        }
        return roundedMin[neuron];
    }

    /** acc = W_q · (x − zp) + b_q into {@code acc}. */
    void accumulate(long[] x, long[] acc) {
        long zp = input.zeroPoint();
        for (int o = 0; o < weights.length; o++) {
            long[] row = weights[o];
            long s = bias[o];
            for (int i = 0; i < row.length; i++) {
                s += row[i] * (x[i] - zp);
            }
            acc[o] = s;
        }
    }

    /** The next layer's quantized input from this hidden layer's accumulators, through rounding and the tables. */
    void lookup(long[] acc, long[] next) {
        int lsbs = ((LayerOutput.Lookup) output).roundingLsbs();
        for (int o = 0; o < acc.length; o++) {
            next[o] = tables[o][(int) (IntegerRanges.round(acc[o], lsbs) - roundedMin[o])];
        }
    }

    @Override
    public String toString() {
        return "QuantizedLayer[" + inputs() + " -> " + outputs() + ", nonzero weights " + nonZeroWeights()
                + ", accumulator " + accumulatorBits() + " bits, " + output + ", input " + input + ", bias range "
                + Arrays.stream(bias).min().orElse(0) + ".." + Arrays.stream(bias).max().orElse(0) + "]";
    }
}

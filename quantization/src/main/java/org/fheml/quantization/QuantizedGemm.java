package org.fheml.quantization;

import org.fheml.compilation.Tracer;

/**
 * y = x·W + b on quantized inputs, as an integer program: acc = q_x·q_W − Z_w·Σ q_x + q_b and y ≈ S_out · acc.
 * The inputs' per-feature scales and zero points are folded into the weights and the bias before the weights are
 * quantized (one signed quantizer for the whole matrix, op_weights bits), and the bias is quantized at the output
 * scale S_out = S_w without clipping, following Concrete ML's quantized Gemm (arXiv:1712.05877).
 */
public final class QuantizedGemm {

    private final FeatureQuantizer inputs;
    private final long[][] weights;
    private final long weightZeroPoint;
    private final long[] bias;
    private final double outputScale;

    private QuantizedGemm(FeatureQuantizer inputs, long[][] weights, long weightZeroPoint, long[] bias,
            double outputScale) {
        this.inputs = inputs;
        this.weights = weights;
        this.weightZeroPoint = weightZeroPoint;
        this.bias = bias;
        this.outputScale = outputScale;
    }

    /**
     * @param weights float weights, [features][outputs]
     * @param bias    float bias, [outputs]
     */
    public static QuantizedGemm quantize(FeatureQuantizer inputs, double[][] weights, double[] bias, int weightBits) {
        int features = weights.length;
        int outputs = bias.length;
        if (features != inputs.features()) {
            throw new IllegalArgumentException("The weights have " + features + " rows but the inputs "
                    + inputs.features() + " features.");
        }
        double[][] folded = new double[features][outputs];
        double[] foldedBias = bias.clone();
        double[] all = new double[features * outputs];
        for (int j = 0; j < features; j++) {
            UniformQuantizer q = inputs.quantizer(j);
            for (int k = 0; k < outputs; k++) {
                folded[j][k] = weights[j][k] * q.scale();
                foldedBias[k] -= folded[j][k] * q.zeroPoint();
                all[j * outputs + k] = folded[j][k];
            }
        }
        UniformQuantizer weightQuantizer = UniformQuantizer.calibrate(QuantizationOptions.signed(weightBits), all);
        long[][] qWeights = new long[features][];
        for (int j = 0; j < features; j++) {
            qWeights[j] = weightQuantizer.quantize(folded[j]);
        }
        double outputScale = weightQuantizer.scale();
        long[] qBias = new long[outputs];
        for (int k = 0; k < outputs; k++) {
            qBias[k] = Math.round(Math.rint(foldedBias[k] / outputScale));
        }
        return new QuantizedGemm(inputs, qWeights, weightQuantizer.zeroPoint(), qBias, outputScale);
    }

    public FeatureQuantizer inputQuantizer() {
        return inputs;
    }

    public int outputs() {
        return bias.length;
    }

    /** The real value of one unit of the integer output. */
    public double outputScale() {
        return outputScale;
    }

    /** The integer program in plain Java: the reference the compiled circuit is compared with. */
    public long[] evaluate(long[] q) {
        long sum = 0;
        for (long v : q) {
            sum += v;
        }
        long[] acc = new long[bias.length];
        for (int k = 0; k < acc.length; k++) {
            long total = bias[k] - weightZeroPoint * sum;
            for (int j = 0; j < q.length; j++) {
                total += q[j] * weights[j][k];
            }
            acc[k] = total;
        }
        return acc;
    }

    /** The same program traced onto an encrypted input of shape (features,), giving shape (outputs,). */
    public Tracer lower(Tracer x) {
        Tracer acc = x.matmul(weights).add(Tracer.constant(bias));
        return weightZeroPoint == 0 ? acc : acc.subtract(x.sum().multiply(weightZeroPoint));
    }

    public double[] dequantize(long[] acc) {
        double[] y = new double[acc.length];
        for (int k = 0; k < y.length; k++) {
            y[k] = outputScale * acc[k];
        }
        return y;
    }
}

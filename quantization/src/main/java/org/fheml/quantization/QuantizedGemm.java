package org.fheml.quantization;

import org.fheml.compilation.Tracer;

/**
 * y = x·W + b on inputs quantized per feature: the linear models' integer program, a {@link GemmOp} with its input
 * quantizer. The inputs' per-feature scales and zero points are folded into the weights and the bias before the
 * weights are quantized (one signed quantizer for the whole matrix, op_weights bits), and the bias is quantized at
 * the output scale S_out = S_w without clipping, following Concrete ML's quantized Gemm (arXiv:1712.05877):
 * {@code acc = q_x·q_W − Z_w·Σ q_x + q_b} and {@code y ≈ S_out · acc}.
 */
public final class QuantizedGemm {

    private final FeatureQuantizer inputs;
    private final GemmOp op;

    private QuantizedGemm(FeatureQuantizer inputs, GemmOp op) {
        this.inputs = inputs;
        this.op = op;
    }

    /**
     * @param weights float weights, [features][outputs]
     * @param bias    float bias, [outputs]
     */
    public static QuantizedGemm quantize(FeatureQuantizer inputs, double[][] weights, double[] bias, int weightBits) {
        if (weights.length != inputs.features()) {
            throw new IllegalArgumentException("The weights have " + weights.length + " rows but the inputs "
                    + inputs.features() + " features.");
        }
        TensorQuantization in = TensorQuantization.of(inputs, new int[] {inputs.features()});
        return new QuantizedGemm(inputs, GemmOp.postTraining(in, weights, bias, QuantizationOptions.signed(weightBits),
                false));
    }

    /** The op of the quantized-op family this Gemm is. */
    public GemmOp op() {
        return op;
    }

    /** This Gemm as a one-op {@link QuantizedModule}. */
    public QuantizedModule module() {
        QuantizedModuleBuilder b = QuantizedModule.builder(inputs);
        return b.build(b.add(op, b.input()));
    }

    public FeatureQuantizer inputQuantizer() {
        return inputs;
    }

    public int outputs() {
        return op.bias().length;
    }

    /** The real value of one unit of the integer output. */
    public double outputScale() {
        return op.output().scale(0);
    }

    /** The integer program in plain Java: the reference the compiled circuit is compared with. */
    public long[] evaluate(long[] q) {
        return op.evaluate(q);
    }

    /** The same program traced onto an encrypted input of shape (features,), giving shape (outputs,). */
    public Tracer lower(Tracer x) {
        return op.lower(x);
    }

    public double[] dequantize(long[] acc) {
        double outputScale = outputScale();
        double[] y = new double[acc.length];
        for (int k = 0; k < y.length; k++) {
            y[k] = outputScale * acc[k];
        }
        return y;
    }
}

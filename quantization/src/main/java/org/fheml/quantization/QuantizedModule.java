package org.fheml.quantization;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.compilation.Compiler;
import org.fheml.compilation.Encryption;
import org.fheml.compilation.InputRange;
import org.fheml.compilation.Tracer;

/**
 * A quantized model as one integer program: the input quantizer, a graph of {@link QuantizedOp}s over numbered
 * tensors (tensor 0 is the quantized input; node i writes tensor i + 1 and reads any earlier tensors, so residual
 * connections are plain), and the output tensor with its quantization. It evaluates itself in the clear
 * ({@link #evaluate}, FheMode.DISABLE), in floats ({@link #floatForward}, the reference), and lowers itself into
 * one circuit ({@link #lower}, {@link #compile}). Build one with {@link #builder} (given input quantizers) or
 * {@link #postTraining} (input quantizers calibrated on data); see the package documentation.
 */
public final class QuantizedModule {

    /** One op of the graph and the tensors it reads. */
    public record Node(QuantizedOp op, int[] operands) {

        public Node {
            operands = operands.clone();
        }

        @Override
        public int[] operands() {
            return operands.clone();
        }
    }

    private final FeatureQuantizer input;
    private final TensorQuantization inputQuantization;
    private final List<Node> nodes;
    private final List<IntegerBounds> bounds;
    private final int output;

    QuantizedModule(FeatureQuantizer input, TensorQuantization inputQuantization, List<Node> nodes,
            List<IntegerBounds> bounds, int output) {
        this.input = input;
        this.inputQuantization = inputQuantization;
        this.nodes = List.copyOf(nodes);
        this.bounds = List.copyOf(bounds);
        this.output = output;
    }

    /** A builder on an input quantized by the given per-feature quantizers, of logical shape {@code shape}. */
    public static QuantizedModuleBuilder builder(FeatureQuantizer input, int... shape) {
        return new QuantizedModuleBuilder(input, shape.length == 0 ? new int[] {input.features()} : shape, null);
    }

    /**
     * A builder for post-training quantization: the input quantizer is calibrated on {@code calibration} (one per
     * feature, or one shared when {@code perFeature} is false), and the calibration rows flow through every op
     * added, in floats, so that activations calibrate their output quantizers on them.
     */
    public static QuantizedModuleBuilder postTraining(double[][] calibration, QuantizationOptions inputOptions,
            boolean perFeature, int... shape) {
        FeatureQuantizer q = perFeature ? FeatureQuantizer.calibrate(inputOptions, calibration)
                : FeatureQuantizer.calibrateShared(inputOptions, calibration);
        return new QuantizedModuleBuilder(q, shape.length == 0 ? new int[] {q.features()} : shape, calibration);
    }

    public FeatureQuantizer inputQuantizer() {
        return input;
    }

    public TensorQuantization inputQuantization() {
        return inputQuantization;
    }

    /** The quantization of the output tensor: how {@link #dequantizeOutput} reads it. */
    public TensorQuantization outputQuantization() {
        return quantizationOf(output);
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** The quantization of tensor t (0 is the input). */
    public TensorQuantization quantizationOf(int tensor) {
        return tensor == 0 ? inputQuantization : nodes.get(tensor - 1).op().output();
    }

    /** The integer bounds of tensor t for every input within the input quantizer's range. */
    public IntegerBounds boundsOf(int tensor) {
        return bounds.get(tensor);
    }

    public int featureCount() {
        return input.features();
    }

    public long[] quantizeInput(double[] x) {
        return input.quantize(x);
    }

    public long[][] quantizeInput(double[][] X) {
        return input.quantize(X);
    }

    /** The exact integer program in the clear (FheMode.DISABLE): the output tensor's integers. */
    public long[] evaluate(long[] q) {
        long[][] tensors = new long[nodes.size() + 1][];
        tensors[0] = q;
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            long[][] operands = Arrays.stream(node.operands).mapToObj(t -> tensors[t]).toArray(long[][]::new);
            tensors[i + 1] = node.op().evaluate(operands);
            if (i + 1 == output) {
                break;
            }
        }
        return tensors[output];
    }

    public double[] dequantizeOutput(long[] q) {
        return outputQuantization().dequantize(q);
    }

    /** The float reference of every op chained, on a real input: what the quantized program approximates. */
    public double[] floatForward(double[] x) {
        double[][] tensors = new double[nodes.size() + 1][];
        tensors[0] = x;
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            double[][] operands = Arrays.stream(node.operands).mapToObj(t -> tensors[t]).toArray(double[][]::new);
            tensors[i + 1] = node.op().reference(operands);
        }
        return tensors[output];
    }

    /** The program traced onto the circuit's encrypted input (flat, one value per feature). */
    public Tracer lower(Tracer x) {
        Tracer[] tensors = new Tracer[nodes.size() + 1];
        tensors[0] = x;
        for (int i = 0; i < output; i++) {
            Node node = nodes.get(i);
            tensors[i + 1] = node.op().lower(Arrays.stream(node.operands).mapToObj(t -> tensors[t])
                    .toArray(Tracer[]::new));
        }
        return tensors[output];
    }

    /**
     * Compiles the module into one circuit of one encrypted argument "x", declared over the input quantizer's whole
     * integer range, so that the circuit's bounds and tables cover every input the quantizer can produce; X
     * (quantized) is the inputset, which narrows that range only when the options allow it
     * ({@link CompileOptions#withCalibrationRanges(boolean)}).
     */
    public Circuit compile(double[][] X, CompileOptions options) {
        long[][] range = input.integerRange();
        return Compiler.of(Map.of("x", Encryption.ENCRYPTED), Map.of("x", InputRange.perElement(range[0], range[1])),
                in -> lower(in.get("x"))).compile(quantizeInput(X), options);
    }

    /** The lookups one row costs before the compiler's own choices: one per activation value, and the argmax's. */
    public int lookupsPerRow() {
        int total = 0;
        for (int i = 0; i < output; i++) {
            QuantizedOp op = nodes.get(i).op();
            total += QuantizedOp.lookupsPerElement(op) * op.output().size();
        }
        return total;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("QuantizedModule(input " + inputQuantization + ")\n");
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            s.append("  %").append(i + 1).append(" = ").append(QuantizedOp.describe(node.op())).append(' ')
                    .append(Arrays.toString(node.operands)).append("  ").append(node.op().output().size())
                    .append(" values in [").append(bounds.get(i + 1).min()).append(", ").append(bounds.get(i + 1).max())
                    .append("]\n");
        }
        return s.append("  output %").append(output).toString();
    }
}

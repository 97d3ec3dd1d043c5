package org.fheml.quantization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fheml.compilation.Exactness;

/**
 * Builds a {@link QuantizedModule} op by op. Every method takes the tensors it reads and returns the tensor it
 * writes, so sequences (a network's layers) and graphs (an ONNX graph with a residual Add) read alike:
 * <pre>{@code
 * var b = QuantizedModule.postTraining(X, QuantizationOptions.signed(6), true);
 * var h = b.gemm(b.input(), W1, b1, QuantizationOptions.signed(4), false);
 * h = b.activation(b.round(h, 6), Activation.relu(), QuantizationOptions.unsigned(4));
 * QuantizedModule m = b.build(b.gemm(h, W2, b2, QuantizationOptions.signed(4), true));
 * }</pre>
 * Post-training methods calibrate on the builder's calibration rows (given to
 * {@link QuantizedModule#postTraining}); the methods that take integer weights or a {@link UniformQuantizer}
 * import quantization-aware parameters as they are and need no data.
 */
public final class QuantizedModuleBuilder {

    /** A tensor of the module being built. */
    public record Value(int index) {
    }

    private final FeatureQuantizer input;
    private final TensorQuantization inputQuantization;
    private final List<QuantizedModule.Node> nodes = new ArrayList<>();
    private final List<IntegerBounds> bounds = new ArrayList<>();
    /** Per tensor, its float values on the calibration rows, or null without calibration data. */
    private final List<double[][]> calibration = new ArrayList<>();
    private final boolean calibrated;

    QuantizedModuleBuilder(FeatureQuantizer input, int[] shape, double[][] calibrationRows) {
        this.input = input;
        this.inputQuantization = TensorQuantization.of(input, shape);
        long[][] range = input.integerRange();
        this.bounds.add(new IntegerBounds(range[0], range[1]));
        this.calibrated = calibrationRows != null;
        this.calibration.add(calibrationRows);
    }

    public Value input() {
        return new Value(0);
    }

    public TensorQuantization quantizationOf(Value v) {
        return v.index() == 0 ? inputQuantization : nodes.get(v.index() - 1).op().output();
    }

    public IntegerBounds boundsOf(Value v) {
        return bounds.get(v.index());
    }

    /** The float values of a tensor on the calibration rows. */
    public double[][] calibrationOf(Value v) {
        requireCalibration("calibrationOf");
        return calibration.get(v.index());
    }

    /** Adds any op reading the given tensors. */
    public Value add(QuantizedOp op, Value... operands) {
        QuantizedOp.requireArity(op, operands.length);
        int[] indices = Arrays.stream(operands).mapToInt(Value::index).toArray();
        for (int i : indices) {
            if (i < 0 || i > nodes.size()) {
                throw new IllegalArgumentException("Tensor %" + i + " does not exist yet.");
            }
        }
        bounds.add(op.bounds(Arrays.stream(indices).mapToObj(bounds::get).toArray(IntegerBounds[]::new)));
        if (calibrated) {
            double[][] first = calibration.get(indices[0]);
            double[][] out = new double[first.length][];
            for (int r = 0; r < out.length; r++) {
                final int row = r;
                out[r] = op.reference(Arrays.stream(indices).mapToObj(i -> calibration.get(i)[row])
                        .toArray(double[][]::new));
            }
            calibration.add(out);
        } else {
            calibration.add(null);
        }
        nodes.add(new QuantizedModule.Node(op, indices));
        return new Value(nodes.size());
    }

    /** x·W + b with float weights (post-training), W [inputs][outputs]. */
    public Value gemm(Value x, double[][] W, double[] b, QuantizationOptions weights, boolean perChannel) {
        return add(GemmOp.postTraining(quantizationOf(x), W, b, weights, perChannel), x);
    }

    /** x·W + b with integer weights and their scales and zero points (quantization-aware). */
    public Value gemm(Value x, long[][] qWeights, double[] weightScales, long[] weightZeroPoints, double[] bias) {
        return add(GemmOp.fixed(quantizationOf(x), qWeights, weightScales, weightZeroPoints, bias), x);
    }

    public Value conv2d(Value x, ConvGeometry geometry, int groups, double[][][][] W, double[] b, int weightBits,
            boolean perChannel) {
        return add(Conv2dOp.postTraining(quantizationOf(x), geometry, groups, W, b, weightBits, perChannel), x);
    }

    public Value conv2d(Value x, ConvGeometry geometry, int groups, long[][][][] qWeights, double[] weightScales,
            double[] bias) {
        return add(Conv2dOp.fixed(quantizationOf(x), geometry, groups, qWeights, weightScales, bias), x);
    }

    public Value avgPool2d(Value x, ConvGeometry geometry) {
        return add(AvgPool2dOp.of(quantizationOf(x), geometry), x);
    }

    public Value addConstant(Value x, double... constants) {
        return add(AddConstantOp.of(quantizationOf(x), constants), x);
    }

    public Value subtractConstant(Value x, double... constants) {
        return addConstant(x, Arrays.stream(constants).map(c -> -c).toArray());
    }

    public Value multiplyConstant(Value x, double... constants) {
        return add(MultiplyConstantOp.of(quantizationOf(x), constants), x);
    }

    /** a + b for two tensors, on a common scale ({@link AddOp#DEFAULT_EXTRA_BITS} when their scales differ). */
    public Value add(Value a, Value b) {
        return add(AddOp.of(quantizationOf(a), quantizationOf(b), AddOp.DEFAULT_EXTRA_BITS), a, b);
    }

    /** x rounded so that a lookup reads at most {@code targetBits} bits (rounding_threshold_bits), exactly. */
    public Value round(Value x, int targetBits) {
        return round(x, targetBits, Exactness.EXACT);
    }

    public Value round(Value x, int targetBits, Exactness exactness) {
        return add(RoundOp.toBits(quantizationOf(x), boundsOf(x), targetBits, exactness), x);
    }

    /** f(x) with an output quantizer calibrated on f over the calibration rows (post-training). */
    public Value activation(Value x, Activation f, QuantizationOptions out) {
        requireCalibration("activation with calibrated output");
        double[] values = Arrays.stream(calibration.get(x.index())).flatMapToDouble(Arrays::stream).map(f::apply)
                .toArray();
        return activation(x, f, UniformQuantizer.calibrate(out, values));
    }

    /** f(x) requantized by a given quantizer (quantization-aware: scale, zero point and bits as trained). */
    public Value activation(Value x, Activation f, UniformQuantizer out) {
        return add(new UnivariateOp(f, quantizationOf(x), out), x);
    }

    public Value argmax(Value x) {
        return add(ArgmaxOp.of(quantizationOf(x), boundsOf(x)), x);
    }

    /**
     * Elements of {@code operands} picked into a tensor of {@code shape} (Transpose, Pad, Concat): element i is
     * element {@code positions[i]} of operand {@code sources[i]}, or {@code constant} (the quantized
     * {@code floatConstant}) where {@code sources[i]} is −1.
     */
    public Value gather(Value[] operands, int[] shape, int[] sources, int[] positions, long constant,
            double floatConstant) {
        TensorQuantization[] inputs = Arrays.stream(operands).map(this::quantizationOf)
                .toArray(TensorQuantization[]::new);
        return add(GatherOp.of(inputs, shape, sources, positions, constant, floatConstant), operands);
    }

    public Value reshape(Value x, int... shape) {
        return add(ReshapeOp.of(quantizationOf(x), shape), x);
    }

    public Value flatten(Value x) {
        return reshape(x, quantizationOf(x).size());
    }

    /** The module whose output is tensor {@code output}. */
    public QuantizedModule build(Value output) {
        if (output.index() < 0 || output.index() > nodes.size()) {
            throw new IllegalArgumentException("Tensor %" + output.index() + " does not exist.");
        }
        return new QuantizedModule(input, inputQuantization, nodes, bounds, output.index());
    }

    private void requireCalibration(String what) {
        if (!calibrated) {
            throw new IllegalStateException(what + " needs calibration data: start from QuantizedModule."
                    + "postTraining(X, ...), or pass a UniformQuantizer with the given scale and zero point.");
        }
    }
}

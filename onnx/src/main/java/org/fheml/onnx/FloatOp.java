package org.fheml.onnx;

/**
 * The ops of a float graph, each with its constants and attributes already resolved, so that a mapping onto
 * quantized ops reads them directly. Every op works on tensors of full rank: an activation carries its batch
 * dimension as size 1 (one sample at a time), and the import has checked that no op mixes samples.
 * Shapes are in {@link Node#shape()}; the op records hold only what the computation needs.
 */
public sealed interface FloatOp {

    /**
     * {@code y = x · weight + bias} on the last axis of {@code x}: ONNX Gemm (alpha, beta and the transposes folded
     * into the weight and bias) and MatMul by a constant 2-D matrix. {@code weight} is [K, M]; {@code bias} is [M]
     * or null.
     */
    record Gemm(Tensor weight, Tensor bias) implements FloatOp {
    }

    /**
     * 2-D convolution of an NCHW input. {@code weight} is [M, C/group, kH, kW], {@code bias} [M] or null;
     * {@code pads} is [top, left, bottom, right] (auto_pad already resolved).
     */
    record Conv(Tensor weight, Tensor bias, int[] strides, int[] pads, int[] dilations, int group)
            implements FloatOp {
    }

    /** 2-D average pooling of an NCHW input; pads [top, left, bottom, right]. */
    record AveragePool(int[] kernel, int[] strides, int[] pads, boolean countIncludePad) implements FloatOp {
    }

    /** 2-D max pooling of an NCHW input; pads [top, left, bottom, right] (padding never wins the max). */
    record MaxPool(int[] kernel, int[] strides, int[] pads, int[] dilations) implements FloatOp {
    }

    /** The mean over every spatial position of each channel: [N, C, ...] to [N, C, 1, ...]. */
    record GlobalAveragePool() implements FloatOp {
    }

    /**
     * Inference batch normalization over axis 1, as {@code y = x · scale[c] + shift[c]} with
     * {@code scale = gamma / sqrt(var + eps)} and {@code shift = beta - mean · scale}.
     */
    record BatchNormalization(double[] scale, double[] shift) implements FloatOp {
    }

    /** An elementwise op of two inputs with numpy broadcasting. */
    record Binary(BinaryOperator operator) implements FloatOp {
    }

    /** An elementwise function of one input (activations, Clip, Neg, Abs, fused univariate subgraphs). */
    record Univariate(UnivariateFunction function) implements FloatOp {
    }

    /** Same data, another shape: Reshape, Flatten, Squeeze and Unsqueeze. {@code shape} is the output shape. */
    record Reshape(int[] shape) implements FloatOp {
    }

    /** Axis permutation: output axis i is input axis {@code perm[i]}. */
    record Transpose(int[] perm) implements FloatOp {
    }

    /** Concatenation of all inputs along {@code axis}. */
    record Concat(int axis) implements FloatOp {
    }

    /** Padding; {@code pads} is [begin_0, ..., begin_{r-1}, end_0, ..., end_{r-1}] as in ONNX, non-negative. */
    record Pad(int[] pads, PadMode mode, double value) implements FloatOp {
    }

    /** Softmax or LogSoftmax along {@code axis}; only the graph's last op. */
    record Softmax(int axis, boolean log) implements FloatOp {
    }

    /**
     * ONNX QuantizeLinear: {@code q = saturate(roundHalfEven(x / scale) + zeroPoint)} into {@code type}'s range.
     * {@code scale} and {@code zeroPoint} hold one value (per tensor) or one per index of {@code axis}.
     */
    record QuantizeLinear(double[] scale, double[] zeroPoint, int axis, ElementType type) implements FloatOp {
    }

    /** ONNX DequantizeLinear: {@code x = (q - zeroPoint) · scale}, per tensor or per {@code axis}. */
    record DequantizeLinear(double[] scale, double[] zeroPoint, int axis) implements FloatOp {
    }

    /** The elementwise ops of two inputs. */
    enum BinaryOperator {
        ADD, SUB, MUL, DIV, POW,
        /** ONNX PRelu: {@code x < 0 ? slope · x : x}, the slope as second input. */
        PRELU
    }

    /** How Pad fills the border. */
    enum PadMode {
        CONSTANT, REFLECT, EDGE
    }
}

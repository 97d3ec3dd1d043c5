package org.fheml.quantization;

/**
 * A univariate real function that a {@link UnivariateOp} tabulates into one lookup per value: the activations of
 * networks and ONNX graphs. Parameters follow PyTorch's and ONNX's defaults where they have names.
 */
public sealed interface Activation {

    record Relu() implements Activation {
    }

    /** x for x ≥ 0, alpha·x below (PyTorch default 0.01). */
    record LeakyRelu(double alpha) implements Activation {
    }

    record Sigmoid() implements Activation {
    }

    record Tanh() implements Activation {
    }

    /** x·Φ(x), the exact (erf) form, ONNX's approximate="none". */
    record Gelu() implements Activation {
    }

    /** log(1 + e^x). */
    record Softplus() implements Activation {
    }

    /** x for x &gt; 0, alpha·(e^x − 1) below. */
    record Elu(double alpha) implements Activation {
    }

    /** scale·ELU(x, alpha) with PyTorch's constants. */
    record Selu() implements Activation {
    }

    /** max(0, x) + min(0, alpha·(e^(x/alpha) − 1)). */
    record Celu(double alpha) implements Activation {
    }

    /** max(0, min(1, alpha·x + beta)); ONNX's default alpha 0.2, beta 0.5 (PyTorch: 1/6, 0.5). */
    record HardSigmoid(double alpha, double beta) implements Activation {
    }

    /** x · max(0, min(1, x/6 + 1/2)). */
    record HardSwish() implements Activation {
    }

    record Clip(double min, double max) implements Activation {
        public Clip {
            if (!(min <= max)) {
                throw new IllegalArgumentException("Clip needs min <= max, got " + min + " and " + max + ".");
            }
        }
    }

    record Abs() implements Activation {
    }

    /** The value itself: requantizing to another scale, zero point or width. */
    record Identity() implements Activation {
    }

    /**
     * Any other real function, named for messages: a fused elementwise subgraph of an imported graph (SiLU, Mish,
     * chains of scalar arithmetic and activations), tabulated like the others.
     */
    record Custom(String name, java.util.function.DoubleUnaryOperator function, boolean nonNegative)
            implements Activation {
    }

    double SELU_ALPHA = 1.6732632423543772;
    double SELU_SCALE = 1.0507009873554805;

    /** The function's value at each element of x, in a new array: the float reference of a lookup op. */
    default double[] applyEach(double[] x) {
        double[] y = new double[x.length];
        for (int e = 0; e < y.length; e++) {
            y[e] = apply(x[e]);
        }
        return y;
    }

    /** The function's value at x. */
    default double apply(double x) {
        return switch (this) {
            case Relu r -> Math.max(0, x);
            case LeakyRelu l -> x >= 0 ? x : l.alpha() * x;
            case Sigmoid s -> 1 / (1 + Math.exp(-x));
            case Tanh t -> Math.tanh(x);
            case Gelu g -> 0.5 * x * (1 + Erf.erf(x / Math.sqrt(2)));
            case Softplus s -> x > 30 ? x : Math.log1p(Math.exp(x));
            case Elu e -> x > 0 ? x : e.alpha() * Math.expm1(x);
            case Selu s -> SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x));
            case Celu c -> Math.max(0, x) + Math.min(0, c.alpha() * Math.expm1(x / c.alpha()));
            case HardSigmoid h -> Math.max(0, Math.min(1, h.alpha() * x + h.beta()));
            case HardSwish h -> x * Math.max(0, Math.min(1, x / 6 + 0.5));
            case Clip c -> Math.max(c.min(), Math.min(c.max(), x));
            case Abs a -> Math.abs(x);
            case Identity i -> x;
            case Custom c -> c.function().applyAsDouble(x);
        };
    }

    /** Whether the function never returns a negative value, so that its output quantizer can be unsigned. */
    default boolean nonNegative() {
        return switch (this) {
            case Relu r -> true;
            case Sigmoid s -> true;
            case Softplus s -> true;
            case HardSigmoid h -> true;
            case Abs a -> true;
            case Clip c -> c.min() >= 0;
            case LeakyRelu l -> l.alpha() == 0;
            case Tanh t -> false;
            case Gelu g -> false;
            case Elu e -> false;
            case Selu s -> false;
            case Celu c -> false;
            case HardSwish h -> false;
            case Identity i -> false;
            case Custom c -> c.nonNegative();
        };
    }

    static Activation relu() {
        return new Relu();
    }

    static Activation sigmoid() {
        return new Sigmoid();
    }

    static Activation tanh() {
        return new Tanh();
    }

    static Activation identity() {
        return new Identity();
    }
}

package org.fheml.onnx;

import org.apache.commons.math3.special.Erf;

/**
 * A function of one real value, applied elementwise: the activations fheml imports. On the quantized side each one
 * becomes a univariate lookup table, so {@link #apply} is all a mapping needs.
 */
public sealed interface UnivariateFunction {

    double apply(double x);

    record Neg() implements UnivariateFunction {
        public double apply(double x) {
            return -x;
        }
    }

    record Abs() implements UnivariateFunction {
        public double apply(double x) {
            return Math.abs(x);
        }
    }

    record Relu() implements UnivariateFunction {
        public double apply(double x) {
            return x > 0 ? x : 0;
        }
    }

    record LeakyRelu(double alpha) implements UnivariateFunction {
        public double apply(double x) {
            return x >= 0 ? x : alpha * x;
        }
    }

    record Sigmoid() implements UnivariateFunction {
        public double apply(double x) {
            return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
        }
    }

    /** {@code max(0, min(1, alpha · x + beta))}. */
    record HardSigmoid(double alpha, double beta) implements UnivariateFunction {
        public double apply(double x) {
            return Math.max(0, Math.min(1, alpha * x + beta));
        }
    }

    /** {@code x · max(0, min(1, x / 6 + 1/2))}. */
    record HardSwish() implements UnivariateFunction {
        public double apply(double x) {
            return x * Math.max(0, Math.min(1, x / 6 + 0.5));
        }
    }

    record Tanh() implements UnivariateFunction {
        public double apply(double x) {
            return Math.tanh(x);
        }
    }

    /** {@code ln(1 + e^x)}, computed without overflow. */
    record Softplus() implements UnivariateFunction {
        public double apply(double x) {
            return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
        }
    }

    record Elu(double alpha) implements UnivariateFunction {
        public double apply(double x) {
            return x >= 0 ? x : alpha * Math.expm1(x);
        }
    }

    record Selu(double alpha, double gamma) implements UnivariateFunction {
        public double apply(double x) {
            return x > 0 ? gamma * x : gamma * alpha * Math.expm1(x);
        }
    }

    record Celu(double alpha) implements UnivariateFunction {
        public double apply(double x) {
            return Math.max(0, x) + Math.min(0, alpha * Math.expm1(x / alpha));
        }
    }

    record ErfFunction() implements UnivariateFunction {
        public double apply(double x) {
            return Erf.erf(x);
        }
    }

    /** GELU, exact ({@code x · Φ(x)}) or with the tanh approximation. */
    record Gelu(boolean tanhApproximation) implements UnivariateFunction {
        private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

        public double apply(double x) {
            if (tanhApproximation) {
                return 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
            }
            return 0.5 * x * (1 + Erf.erf(x / Math.sqrt(2)));
        }
    }

    /** {@code min(max(x, min), max)}; an absent bound is infinite. */
    record Clip(double min, double max) implements UnivariateFunction {
        public double apply(double x) {
            return Math.min(Math.max(x, min), max);
        }
    }

    /** A fused elementwise subgraph of one input (see {@link OnnxGraph#fuseUnivariateSubgraphs()}). */
    record Composite(Expression expression) implements UnivariateFunction {
        public double apply(double x) {
            return expression.evaluate(x);
        }
    }
}

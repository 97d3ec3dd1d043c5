package org.fheml.onnx;

/**
 * An elementwise expression of one variable, built by {@link UnivariateFusion} from a subgraph that reads a single
 * activation: GELU's {@code x · (1 + erf(x / √2)) / 2}, SiLU's {@code x · sigmoid(x)}, Mish, and the like.
 */
public sealed interface Expression {

    double evaluate(double x);

    /** The variable itself. */
    record Variable() implements Expression {
        public double evaluate(double x) {
            return x;
        }
    }

    /** A univariate function of a subexpression. */
    record Apply(UnivariateFunction function, Expression argument) implements Expression {
        public double evaluate(double x) {
            return function.apply(argument.evaluate(x));
        }
    }

    /** A binary op between a subexpression and a scalar constant, in the order the graph gives them. */
    record WithConstant(FloatOp.BinaryOperator operator, Expression argument, double constant, boolean constantFirst)
            implements Expression {
        public double evaluate(double x) {
            double v = argument.evaluate(x);
            return constantFirst ? ElementwiseKernels.apply(operator, constant, v, false)
                    : ElementwiseKernels.apply(operator, v, constant, false);
        }
    }

    /** A binary op between two subexpressions of the same variable. */
    record Combine(FloatOp.BinaryOperator operator, Expression left, Expression right) implements Expression {
        public double evaluate(double x) {
            return ElementwiseKernels.apply(operator, left.evaluate(x), right.evaluate(x), false);
        }
    }
}

package org.fheml.quantization;

import org.fheml.compilation.Tracer;

/**
 * One operation of a {@link QuantizedModule}, on integers with known scales and zero points. Every op offers the
 * same three views of itself, which tests compare: its float reference (what it approximates, on real values),
 * its exact integer evaluation in the clear (what FheMode.DISABLE computes), and its lowering onto the compiler's
 * {@link Tracer} (what SIMULATE and EXECUTE run); plus the interval bounds of its integers, which size roundings.
 * Tensors are flat, row-major; {@link #output()} carries their logical shape. See the package documentation for
 * how networks and ONNX graphs map onto these ops.
 */
public sealed interface QuantizedOp permits GemmOp, Conv2dOp, AvgPool2dOp, AddConstantOp, MultiplyConstantOp, AddOp,
        UnivariateOp, TableOp, RoundOp, ArgmaxOp, ReshapeOp, GatherOp {

    /** The number of tensors the op reads. */
    int arity();

    /** The shape and quantization of the op's result. */
    TensorQuantization output();

    /** The exact integer result for integer operands, computed in the clear. */
    long[] evaluate(long[]... operands);

    /** The real-valued function the op approximates, on real operands. */
    double[] reference(double[]... operands);

    /** The same integer program, traced onto the circuit being compiled. */
    Tracer lower(Tracer... operands);

    /** Bounds on the result for operands within the given bounds. */
    IntegerBounds bounds(IntegerBounds... operands);

    /**
     * The bootstraps the op costs per output element on encrypted data, before the compiler's own choices: one per
     * lookup, one per bit an exact rounding removes (an upper bound: the compiler clears chunks of up to its
     * bootstrap precision in bits with two bootstraps each).
     */
    static int lookupsPerElement(QuantizedOp op) {
        return switch (op) {
            case GemmOp g -> 0;
            case Conv2dOp c -> 0;
            case AvgPool2dOp p -> 0;
            case AddConstantOp a -> 0;
            case MultiplyConstantOp m -> 0;
            case AddOp a -> 0;
            case ReshapeOp r -> 0;
            case GatherOp g -> 0;
            case UnivariateOp u -> 1;
            case TableOp t -> 1;
            case RoundOp r -> r.exactness() == org.fheml.compilation.Exactness.APPROXIMATE ? 0 : r.lsbs();
            case ArgmaxOp a -> a.plan().scoreCount() == 1 ? 1
                    : a.plan().scoreCount() * (a.plan().scoreCount() - 1) / 2 + a.plan().scoreCount();
        };
    }

    /** A short name for printing a module: {@code gemm}, {@code relu}, {@code round(3)}. */
    static String describe(QuantizedOp op) {
        return switch (op) {
            case GemmOp g -> "gemm " + g.weights().length + "x" + g.bias().length;
            case Conv2dOp c -> "conv2d " + c.geometry();
            case AvgPool2dOp p -> "avgpool2d " + p.geometry();
            case AddConstantOp a -> "add_constant";
            case MultiplyConstantOp m -> "multiply_constant";
            case AddOp a -> "add";
            case ReshapeOp r -> "reshape " + java.util.Arrays.toString(r.output().shape());
            case GatherOp g -> "gather " + java.util.Arrays.toString(g.output().shape());
            case UnivariateOp u -> u.function().toString();
            case TableOp t -> "table " + t.function();
            case RoundOp r -> "round(" + r.lsbs() + ", " + r.exactness() + ")";
            case ArgmaxOp a -> "argmax";
        };
    }

    /** One output element of a one-operand elementwise op, from the element's index and its operand value. */
    @FunctionalInterface
    interface ElementFunction {
        long apply(int element, long value);
    }

    /**
     * The exact evaluation of a one-operand elementwise op: checks the arity, then computes every output element,
     * {@code out[e] = element.apply(e, operand[e])}.
     */
    static long[] evaluateEach(QuantizedOp op, long[][] operands, ElementFunction element) {
        requireArity(op, operands.length);
        long[] q = operands[0];
        long[] out = new long[q.length];
        for (int e = 0; e < out.length; e++) {
            out[e] = element.apply(e, q[e]);
        }
        return out;
    }

    /** Throws unless the operand count matches the op's arity. */
    static void requireArity(QuantizedOp op, int given) {
        if (given != op.arity()) {
            throw new IllegalArgumentException(describe(op) + " takes " + op.arity() + " operand(s), got " + given
                    + ".");
        }
    }
}

package org.fheml.quantization;

import org.fheml.compilation.Tracer;

/**
 * The index of the largest element of a vector of one scale and zero point (the first on ties), computed inside
 * the circuit by the tournament of {@link ArgmaxPlan}, so that the client learns only the label: K(K−1)/2
 * comparison lookups and K more. The result is one integer, the index (scale 1, zero point 0).
 */
public record ArgmaxOp(ArgmaxPlan plan, TensorQuantization output) implements QuantizedOp {

    public static ArgmaxOp of(TensorQuantization input, IntegerBounds bounds) {
        if (!input.isUniform()) {
            throw new IllegalArgumentException("Argmax compares integers, so its input needs one scale and zero "
                    + "point, got " + input + ".");
        }
        if (input.size() < 2) {
            throw new IllegalArgumentException("Argmax needs at least two values, got " + input.size() + ".");
        }
        return new ArgmaxOp(ArgmaxPlan.of(bounds.lower(), bounds.upper(), 0),
                TensorQuantization.uniform(new int[] {1}, 1, 0));
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public long[] evaluate(long[]... operands) {
        QuantizedOp.requireArity(this, operands.length);
        return new long[] {plan.label(operands[0])};
    }

    @Override
    public double[] reference(double[]... operands) {
        double[] x = operands[0];
        int best = 0;
        for (int e = 1; e < x.length; e++) {
            if (x[e] > x[best]) {
                best = e;
            }
        }
        return new double[] {best};
    }

    @Override
    public Tracer lower(Tracer... operands) {
        return plan.lower(operands[0]).reshape(1);
    }

    @Override
    public IntegerBounds bounds(IntegerBounds... operands) {
        return IntegerBounds.uniform(1, 0, plan.scoreCount() - 1);
    }
}

package org.fheml.quantization;

import org.fheml.compilation.Tracer;

/**
 * x + c (or x − c with c negated) for a real constant per element (or one for all): c is rounded to whole steps
 * of the input's scale, {@code q + round(c / S)}, so the result keeps the input's quantization and the error is
 * at most half a step.
 *
 * @param constants the real constants, one per element
 * @param addends   the integers added, one per element
 */
public record AddConstantOp(double[] constants, long[] addends, TensorQuantization output) implements QuantizedOp {

    public static AddConstantOp of(TensorQuantization input, double... constants) {
        double[] c = broadcast(constants, input.size(), "constants");
        long[] addends = new long[c.length];
        for (int e = 0; e < c.length; e++) {
            addends[e] = Math.round(Math.rint(c[e] / input.scale(e)));
        }
        return new AddConstantOp(c, addends, input);
    }

    static double[] broadcast(double[] values, int size, String what) {
        if (values.length == size) {
            return values.clone();
        }
        if (values.length != 1) {
            throw new IllegalArgumentException("Give one of the " + what + " per element (" + size + ") or one for "
                    + "all, got " + values.length + ".");
        }
        double[] out = new double[size];
        java.util.Arrays.fill(out, values[0]);
        return out;
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public long[] evaluate(long[]... operands) {
        QuantizedOp.requireArity(this, operands.length);
        return IntegerMatrices.plus(operands[0], addends);
    }

    @Override
    public double[] reference(double[]... operands) {
        double[] y = operands[0].clone();
        for (int e = 0; e < y.length; e++) {
            y[e] += constants[e];
        }
        return y;
    }

    @Override
    public Tracer lower(Tracer... operands) {
        return operands[0].add(Tracer.constant(addends));
    }

    @Override
    public IntegerBounds bounds(IntegerBounds... operands) {
        return IntegerMatrices.plus(operands[0], addends);
    }
}

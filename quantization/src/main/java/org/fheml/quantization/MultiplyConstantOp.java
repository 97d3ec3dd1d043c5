package org.fheml.quantization;

import org.fheml.compilation.Tracer;

/**
 * x · c for a real constant per element (or one for all), exactly: |c| moves into the output's scale and only its
 * sign reaches the integers ({@code q·sign(c)}, zero point {@code Z·sign(c)}), so a positive constant costs
 * nothing in the circuit and a negative one a negation. Elements multiplied by 0 become the integer 0.
 *
 * @param constants the real constants, one per element
 * @param signs     −1, 0 or 1 per element
 */
public record MultiplyConstantOp(double[] constants, long[] signs, TensorQuantization output) implements QuantizedOp {

    public static MultiplyConstantOp of(TensorQuantization input, double... constants) {
        double[] c = AddConstantOp.broadcast(constants, input.size(), "constants");
        long[] signs = new long[c.length];
        double[] scales = new double[c.length];
        long[] zeroPoints = new long[c.length];
        for (int e = 0; e < c.length; e++) {
            if (!Double.isFinite(c[e])) {
                throw new IllegalArgumentException("Constant " + e + " is " + c[e] + ".");
            }
            signs[e] = (long) Math.signum(c[e]);
            scales[e] = c[e] == 0 ? input.scale(e) : Math.abs(c[e]) * input.scale(e);
            zeroPoints[e] = signs[e] * input.zeroPoint(e);
        }
        return new MultiplyConstantOp(c, signs, new TensorQuantization(input.shape(), scales, zeroPoints));
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public long[] evaluate(long[]... operands) {
        return QuantizedOp.evaluateEach(this, operands, (e, q) -> q * signs[e]);
    }

    @Override
    public double[] reference(double[]... operands) {
        double[] y = operands[0].clone();
        for (int e = 0; e < y.length; e++) {
            y[e] *= constants[e];
        }
        return y;
    }

    @Override
    public Tracer lower(Tracer... operands) {
        for (long s : signs) {
            if (s != 1) {
                return operands[0].multiply(signs);
            }
        }
        return operands[0];
    }

    @Override
    public IntegerBounds bounds(IntegerBounds... operands) {
        IntegerBounds in = operands[0];
        long[] lo = new long[signs.length];
        long[] hi = new long[signs.length];
        for (int e = 0; e < lo.length; e++) {
            long a = in.lower(e) * signs[e];
            long b = in.upper(e) * signs[e];
            lo[e] = Math.min(a, b);
            hi[e] = Math.max(a, b);
        }
        return new IntegerBounds(lo, hi);
    }
}

package org.fheml.quantization;

import org.fheml.compilation.Tracer;

/**
 * The sum of two quantized tensors of one shape (a residual connection), without a lookup: each operand is
 * multiplied by a small integer so that both land on a common scale, {@code q = m1·q1 + m2·q2} with zero point
 * {@code m1·Z1 + m2·Z2} and scale {@code S} such that {@code S·m_i ≈ S_i}. Equal scales give m1 = m2 = 1, which
 * is exact; otherwise the finer operand gets {@code 2^extraBits} steps per step of the common scale, and the
 * coarser the nearest integer multiple, a relative error of at most {@code 2^−(extraBits+1)} on its scale.
 *
 * @param leftFactors  m1 per element
 * @param rightFactors m2 per element
 */
public record AddOp(long[] leftFactors, long[] rightFactors, TensorQuantization output) implements QuantizedOp {

    /** The default precision of the common scale when the operands' scales differ. */
    public static final int DEFAULT_EXTRA_BITS = 4;

    public static AddOp of(TensorQuantization left, TensorQuantization right, int extraBits) {
        if (left.size() != right.size()) {
            throw new IllegalArgumentException("Add needs operands of one size, got " + left.size() + " and "
                    + right.size() + ".");
        }
        int size = left.size();
        long[] m1 = new long[size];
        long[] m2 = new long[size];
        double[] scales = new double[size];
        long[] zeroPoints = new long[size];
        for (int e = 0; e < size; e++) {
            double s1 = left.scale(e);
            double s2 = right.scale(e);
            if (s1 == s2) {
                m1[e] = 1;
                m2[e] = 1;
                scales[e] = s1;
            } else {
                scales[e] = Math.min(s1, s2) / (1L << extraBits);
                m1[e] = Math.round(s1 / scales[e]);
                m2[e] = Math.round(s2 / scales[e]);
            }
            zeroPoints[e] = m1[e] * left.zeroPoint(e) + m2[e] * right.zeroPoint(e);
        }
        return new AddOp(m1, m2, new TensorQuantization(left.shape(), scales, zeroPoints));
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public long[] evaluate(long[]... operands) {
        QuantizedOp.requireArity(this, operands.length);
        long[] out = new long[leftFactors.length];
        for (int e = 0; e < out.length; e++) {
            out[e] = leftFactors[e] * operands[0][e] + rightFactors[e] * operands[1][e];
        }
        return out;
    }

    @Override
    public double[] reference(double[]... operands) {
        double[] y = operands[0].clone();
        for (int e = 0; e < y.length; e++) {
            y[e] += operands[1][e];
        }
        return y;
    }

    @Override
    public Tracer lower(Tracer... operands) {
        return scaled(operands[0], leftFactors).add(scaled(operands[1], rightFactors));
    }

    private static Tracer scaled(Tracer x, long[] factors) {
        for (long f : factors) {
            if (f != 1) {
                return x.multiply(factors);
            }
        }
        return x;
    }

    @Override
    public IntegerBounds bounds(IntegerBounds... operands) {
        long[] lo = new long[leftFactors.length];
        long[] hi = new long[lo.length];
        for (int e = 0; e < lo.length; e++) {
            lo[e] = leftFactors[e] * operands[0].lower(e) + rightFactors[e] * operands[1].lower(e);
            hi[e] = leftFactors[e] * operands[0].upper(e) + rightFactors[e] * operands[1].upper(e);
        }
        return new IntegerBounds(lo, hi);
    }
}

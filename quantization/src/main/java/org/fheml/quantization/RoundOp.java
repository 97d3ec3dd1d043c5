package org.fheml.quantization;

import org.fheml.compilation.BitPatterns;
import org.fheml.compilation.Exactness;
import org.fheml.compilation.IntegerType;
import org.fheml.compilation.Tracer;

/**
 * An accumulator rounded to a multiple of 2^lsbs before a lookup reads it (Concrete ML's rounding_threshold_bits):
 * the value keeps its scale and zero point, and the lookup that follows resolves lsbs bits fewer, which is what
 * keeps a network's bootstraps cheap. {@link Exactness#EXACT} rounds exactly; {@link Exactness#APPROXIMATE}
 * gives the same value in the clear but lets encrypted values near a box edge land in the neighbouring box.
 */
public record RoundOp(int lsbs, Exactness exactness, TensorQuantization output) implements QuantizedOp {

    public RoundOp {
        if (lsbs < 0 || lsbs > 62) {
            throw new IllegalArgumentException("lsbs must be 0..62, got " + lsbs + ".");
        }
    }

    /**
     * The rounding that leaves values within {@code bounds} readable on {@code targetBits} bits (sign included),
     * or none (lsbs 0) when they already are.
     */
    public static RoundOp toBits(TensorQuantization input, IntegerBounds bounds, int targetBits,
            Exactness exactness) {
        return new RoundOp(lsbsFor(bounds.min(), bounds.max(), targetBits), exactness, input);
    }

    /** The fewest low bits to round away so that values in [min, max] read at most targetBits bits. */
    public static int lsbsFor(long min, long max, int targetBits) {
        if (targetBits < 1 || targetBits > BitPatterns.MAX_LOOKUP_BITS) {
            throw new IllegalArgumentException("The rounding target must be 1.." + BitPatterns.MAX_LOOKUP_BITS
                    + " bits, got " + targetBits + ".");
        }
        int lsbs = 0;
        while (IntegerType.of(BitPatterns.round(min, lsbs), BitPatterns.round(max, lsbs)).bits() - lsbs > targetBits) {
            lsbs++;
        }
        return lsbs;
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public long[] evaluate(long[]... operands) {
        QuantizedOp.requireArity(this, operands.length);
        long[] out = operands[0].clone();
        for (int e = 0; e < out.length; e++) {
            out[e] = BitPatterns.round(out[e], lsbs);
        }
        return out;
    }

    @Override
    public double[] reference(double[]... operands) {
        return operands[0].clone();
    }

    @Override
    public Tracer lower(Tracer... operands) {
        return lsbs == 0 ? operands[0] : operands[0].roundBitPattern(lsbs, exactness);
    }

    @Override
    public IntegerBounds bounds(IntegerBounds... operands) {
        long[] lo = operands[0].lower();
        long[] hi = operands[0].upper();
        for (int e = 0; e < lo.length; e++) {
            lo[e] = BitPatterns.round(lo[e], lsbs);
            hi[e] = BitPatterns.round(hi[e], lsbs);
        }
        return new IntegerBounds(lo, hi);
    }
}

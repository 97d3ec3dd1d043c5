package org.fheml.quantization;

import org.fheml.compilation.Tracer;

/**
 * A univariate function fused into one lookup per value: the integer input, read with its scale and zero point,
 * is dequantized, passed through the {@link Activation} and requantized by the output quantizer, all tabulated,
 * {@code q_out = Q_out(f(S_in·(q − Z_in)))}. Preceded by a {@link RoundOp}, the lookup reads only the rounded
 * bits. The input must have one scale and zero point for every element (a shared table).
 *
 * @param function the real function
 * @param input    the input's quantization (uniform)
 * @param quantizer the output quantizer
 */
public record UnivariateOp(Activation function, TensorQuantization input, UniformQuantizer quantizer)
        implements QuantizedOp {

    public UnivariateOp {
        if (!input.isUniform()) {
            throw new IllegalArgumentException("A lookup (" + function + ") needs an input of one scale and zero "
                    + "point for every element, got " + input + ": quantize the weights before it per tensor, "
                    + "not per channel.");
        }
    }

    @Override
    public TensorQuantization output() {
        return TensorQuantization.uniform(input.shape(), quantizer.scale(), quantizer.zeroPoint());
    }

    /** The table's value for one integer input. */
    public long apply(long q) {
        return quantizer.quantize(function.apply(input.dequantize(0, q)));
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public long[] evaluate(long[]... operands) {
        return QuantizedOp.evaluateEach(this, operands, (e, q) -> apply(q));
    }

    @Override
    public double[] reference(double[]... operands) {
        return function.applyEach(operands[0]);
    }

    @Override
    public Tracer lower(Tracer... operands) {
        return operands[0].apply(QuantizedOp.describe(this), this::apply);
    }

    /**
     * The table's smallest and largest value over each input range (scanned once per distinct range, when it is at
     * most 2^20 wide; else the output quantizer's range).
     */
    @Override
    public IntegerBounds bounds(IntegerBounds... operands) {
        IntegerBounds in = operands[0];
        long[] lo = new long[in.size()];
        long[] hi = new long[in.size()];
        java.util.Map<java.util.List<Long>, long[]> scanned = new java.util.HashMap<>();
        for (int e = 0; e < lo.length; e++) {
            long[] range = scanned.computeIfAbsent(java.util.List.of(in.lower(e), in.upper(e)), this::scan);
            lo[e] = range[0];
            hi[e] = range[1];
        }
        return new IntegerBounds(lo, hi);
    }

    private long[] scan(java.util.List<Long> range) {
        long from = range.get(0);
        long to = range.get(1);
        if (to - from > 1 << 20) {
            return new long[] {quantizer.options().minInteger(), quantizer.options().maxInteger()};
        }
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (long v = from; v <= to; v++) {
            long out = apply(v);
            lo = Math.min(lo, out);
            hi = Math.max(hi, out);
        }
        return new long[] {lo, hi};
    }
}

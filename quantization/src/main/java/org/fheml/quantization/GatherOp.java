package org.fheml.quantization;

import java.util.Arrays;
import org.fheml.compilation.Tracer;

/**
 * Elements picked from one or more tensors, or set to a constant: what ONNX Transpose, Pad (constant, edge and
 * reflect) and Concat compute. Output element i is element {@code positions[i]} of operand {@code sources[i]}, with
 * that element's scale and zero point, or, where {@code sources[i]} is −1, the integer {@code constants[i]} (the
 * quantized pad value, {@code floatConstants[i]} in the float reference). On a circuit it is leveled: each operand,
 * flattened, is multiplied by a 0/1 selection matrix and the constants are added, so every output carries the noise
 * of the one element it copies.
 *
 * @param arity          the number of tensors it reads
 * @param sources        per output element, the operand it copies, or −1 for a constant
 * @param positions      per output element, the flat position it copies in that operand
 * @param constants      per output element, the integer of a constant element (ignored elsewhere)
 * @param floatConstants per output element, the real value of a constant element (ignored elsewhere)
 * @param output         the output's shape and per-element quantization
 */
public record GatherOp(int arity, int[] sources, int[] positions, long[] constants, double[] floatConstants,
        TensorQuantization output) implements QuantizedOp {

    public GatherOp {
        int size = output.size();
        if (sources.length != size || positions.length != size || constants.length != size
                || floatConstants.length != size) {
            throw new IllegalArgumentException("A gather needs one source, position and constant per output element ("
                    + size + ").");
        }
        for (int i = 0; i < size; i++) {
            if (sources[i] < -1 || sources[i] >= arity || sources[i] >= 0 && positions[i] < 0) {
                throw new IllegalArgumentException("Output element " + i + " reads operand " + sources[i]
                        + " at " + positions[i] + ", outside the " + arity + " operand(s).");
            }
        }
        sources = sources.clone();
        positions = positions.clone();
        constants = constants.clone();
        floatConstants = floatConstants.clone();
    }

    /**
     * The gather of {@code inputs} into {@code shape}: the output quantization takes each copied element's, and a
     * constant element's that of {@code constantQuantization}'s element 0 (the padded tensor's own, uniform).
     */
    public static GatherOp of(TensorQuantization[] inputs, int[] shape, int[] sources, int[] positions,
            long constant, double floatConstant) {
        int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double[] scales = new double[size];
        long[] zeroPoints = new long[size];
        long[] constants = new long[size];
        double[] floats = new double[size];
        for (int i = 0; i < size; i++) {
            TensorQuantization q = inputs[Math.max(0, sources[i])];
            int at = sources[i] < 0 ? 0 : positions[i];
            scales[i] = q.scale(at);
            zeroPoints[i] = q.zeroPoint(at);
            constants[i] = constant;
            floats[i] = floatConstant;
        }
        return new GatherOp(inputs.length, sources, positions, constants, floats,
                new TensorQuantization(shape, scales, zeroPoints));
    }

    @Override
    public long[] evaluate(long[]... operands) {
        QuantizedOp.requireArity(this, operands.length);
        long[] out = new long[sources.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = sources[i] < 0 ? constants[i] : operands[sources[i]][positions[i]];
        }
        return out;
    }

    @Override
    public double[] reference(double[]... operands) {
        double[] out = new double[sources.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = sources[i] < 0 ? floatConstants[i] : operands[sources[i]][positions[i]];
        }
        return out;
    }

    @Override
    public Tracer lower(Tracer... operands) {
        QuantizedOp.requireArity(this, operands.length);
        long[] fill = new long[sources.length];
        boolean anyConstant = false;
        for (int i = 0; i < fill.length; i++) {
            if (sources[i] < 0) {
                fill[i] = constants[i];
                anyConstant = true;
            }
        }
        Tracer sum = null;
        for (int k = 0; k < operands.length; k++) {
            int size = operands[k].shape().size();
            long[][] select = new long[size][sources.length];
            boolean used = false;
            for (int i = 0; i < sources.length; i++) {
                if (sources[i] == k) {
                    select[positions[i]][i] = 1;
                    used = true;
                }
            }
            if (used) {
                Tracer picked = operands[k].reshape(size).matmul(select);
                sum = sum == null ? picked : sum.add(picked);
            }
        }
        if (sum == null) {
            return Tracer.constant(fill);
        }
        return anyConstant ? sum.add(Tracer.constant(fill)) : sum;
    }

    @Override
    public IntegerBounds bounds(IntegerBounds... operands) {
        long[] lo = new long[sources.length];
        long[] hi = new long[sources.length];
        for (int i = 0; i < lo.length; i++) {
            lo[i] = sources[i] < 0 ? constants[i] : operands[sources[i]].lower(positions[i]);
            hi[i] = sources[i] < 0 ? constants[i] : operands[sources[i]].upper(positions[i]);
        }
        return new IntegerBounds(lo, hi);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GatherOp g && arity == g.arity && Arrays.equals(sources, g.sources)
                && Arrays.equals(positions, g.positions) && Arrays.equals(constants, g.constants)
                && Arrays.equals(floatConstants, g.floatConstants) && output.equals(g.output);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(sources) + Arrays.hashCode(positions);
    }

    @Override
    public String toString() {
        return "GatherOp" + Arrays.toString(output.shape());
    }
}

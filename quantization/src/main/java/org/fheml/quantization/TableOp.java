package org.fheml.quantization;

import java.util.Arrays;
import org.fheml.compilation.LookupTable;
import org.fheml.compilation.Tracer;

/**
 * One lookup per value through integer tables given as they are, one per element: the activation lookups of a
 * network trained with its own quantizers, where each neuron's accumulator has its own scale (per-neuron weight
 * scales), so that no shared {@link UnivariateOp} table fits. Element e of integer value v becomes
 * {@code tables[e][v − offset]}; the tables must cover every value the input can take.
 *
 * @param function the real function the tables approximate, for the float reference
 * @param input    the input's quantization (one scale per element allowed)
 * @param offset   the input value of every table's entry 0
 * @param tables   one table per element, all of one size
 * @param output   the output's quantization
 */
public record TableOp(Activation function, TensorQuantization input, long offset, long[][] tables,
        TensorQuantization output) implements QuantizedOp {

    public TableOp {
        if (tables.length != input.size() || output.size() != input.size()) {
            throw new IllegalArgumentException("A table lookup needs one table per element: the input has "
                    + input.size() + " elements, the output " + output.size() + ", and " + tables.length
                    + " tables are given.");
        }
        tables = Arrays.stream(tables).map(long[]::clone).toArray(long[][]::new);
        new LookupTable(offset, tables);
    }

    @Override
    public long[][] tables() {
        return Arrays.stream(tables).map(long[]::clone).toArray(long[][]::new);
    }

    /** The table's value for element e of integer value q. */
    public long apply(int element, long q) {
        long index = q - offset;
        long[] table = tables[element];
        if (index < 0 || index >= table.length) {
            throw new ArithmeticException("Element " + element + " is " + q + ", outside its table's inputs "
                    + offset + ".." + (offset + table.length - 1) + ".");
        }
        return table[(int) index];
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public long[] evaluate(long[]... operands) {
        return QuantizedOp.evaluateEach(this, operands, this::apply);
    }

    @Override
    public double[] reference(double[]... operands) {
        return function.applyEach(operands[0]);
    }

    @Override
    public Tracer lower(Tracer... operands) {
        return operands[0].lookup(new LookupTable(offset, tables));
    }

    /** Each element's smallest and largest table entry over its input range. */
    @Override
    public IntegerBounds bounds(IntegerBounds... operands) {
        IntegerBounds in = operands[0];
        long[] lo = new long[in.size()];
        long[] hi = new long[in.size()];
        for (int e = 0; e < lo.length; e++) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (long v = Math.max(in.lower(e), offset); v <= Math.min(in.upper(e), offset + tables[e].length - 1);
                    v++) {
                min = Math.min(min, tables[e][(int) (v - offset)]);
                max = Math.max(max, tables[e][(int) (v - offset)]);
            }
            lo[e] = min;
            hi[e] = max;
        }
        return new IntegerBounds(lo, hi);
    }
}

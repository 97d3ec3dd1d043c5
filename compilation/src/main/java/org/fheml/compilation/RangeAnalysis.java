package org.fheml.compilation;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * Interval arithmetic over a graph: from bounds on the inputs, bounds on every node that hold for every input
 * within them. Lookups are checked here: their inputs must stay within their tables and within 16 bits.
 */
final class RangeAnalysis {

    /** The widest input a lookup can read: a bootstrap resolves at most 16 bits. */
    static final int MAX_LOOKUP_BITS = BitPatterns.MAX_LOOKUP_BITS;

    private final Graph graph;
    private final Map<Node, Bounds> bounds = new IdentityHashMap<>();
    /** The ranges declared on a node's values by assumeRange nodes reading it: they hold for the node too. */
    private final Map<Node, List<Op.AssumeRange>> assumed = new IdentityHashMap<>();

    private RangeAnalysis(Graph graph) {
        this.graph = graph;
        for (Node node : graph.nodes()) {
            if (node.op() instanceof Op.AssumeRange range) {
                assumed.computeIfAbsent(node.operands().getFirst(), n -> new java.util.ArrayList<>()).add(range);
            }
        }
    }

    static Map<Node, Bounds> analyse(Graph graph, List<Bounds> inputBounds) {
        RangeAnalysis analysis = new RangeAnalysis(graph);
        for (int i = 0; i < inputBounds.size(); i++) {
            analysis.bounds.put(graph.inputs().get(i), inputBounds.get(i));
        }
        for (Node node : graph.nodes()) {
            if (!analysis.bounds.containsKey(node)) {
                try {
                    analysis.bounds.put(node, analysis.narrowed(node, analysis.of(node)));
                } catch (ArithmeticException e) {
                    throw new CompilationException("%" + graph.position(node) + " = "
                            + GraphPrinter.expression(graph, node) + " overflows 64 bits (" + e.getMessage()
                            + "): lower n_bits or the magnitude of the constants.");
                }
            }
        }
        return analysis.bounds;
    }

    private Bounds narrowed(Node node, Bounds computed) {
        Bounds out = computed;
        for (Op.AssumeRange range : assumed.getOrDefault(node, List.of())) {
            out = new Bounds(out.lower().zip(range.lower(), Math::max), out.upper().zip(range.upper(), Math::min));
        }
        return out;
    }

    private Bounds of(Node node) {
        List<Bounds> in = node.operands().stream().map(bounds::get).toList();
        return switch (node.op()) {
            case Op.Input input -> throw new IllegalStateException("Input " + input.name() + " has no bounds.");
            case Op.Constant constant -> Bounds.exactly(constant.value());
            case Op.Add add -> new Bounds(in.get(0).lower().add(in.get(1).lower()),
                    in.get(0).upper().add(in.get(1).upper()));
            case Op.Subtract subtract -> new Bounds(in.get(0).lower().subtract(in.get(1).upper()),
                    in.get(0).upper().subtract(in.get(1).lower()));
            case Op.Negate negate -> new Bounds(in.get(0).upper().negate(), in.get(0).lower().negate());
            case Op.Multiply multiply -> multiply(in.get(0), in.get(1));
            case Op.MatMul matmul -> matmul(in.get(0), in.get(1));
            case Op.Sum sum -> sum.axis() == null
                    ? new Bounds(in.get(0).lower().sum(), in.get(0).upper().sum())
                    : new Bounds(in.get(0).lower().sum(sum.axis()), in.get(0).upper().sum(sum.axis()));
            case Op.Reshape reshape -> new Bounds(in.get(0).lower().reshape(reshape.shape()),
                    in.get(0).upper().reshape(reshape.shape()));
            case Op.Transpose transpose -> new Bounds(in.get(0).lower().transpose(transpose.axes()),
                    in.get(0).upper().transpose(transpose.axes()));
            case Op.Slice slice -> new Bounds(in.get(0).lower().slice(slice.start(), slice.stop(), slice.step()),
                    in.get(0).upper().slice(slice.start(), slice.stop(), slice.step()));
            case Op.Index index -> new Bounds(in.get(0).lower().index(index.index()),
                    in.get(0).upper().index(index.index()));
            case Op.Concatenate concatenate -> new Bounds(
                    LongTensor.concatenate(in.stream().map(Bounds::lower).toList(), concatenate.axis()),
                    LongTensor.concatenate(in.stream().map(Bounds::upper).toList(), concatenate.axis()));
            case Op.Lookup lookup -> lookup(node, lookup.table(), in.get(0));
            case Op.Apply apply -> apply(node, apply.function(), in.get(0));
            case Op.RoundBitPattern round -> new Bounds(in.get(0).lower().map(v -> BitPatterns.round(v, round.lsbs())),
                    in.get(0).upper().map(v -> BitPatterns.round(v, round.lsbs())));
            case Op.AssumeRange range -> new Bounds(in.get(0).lower().zip(range.lower(), Math::max),
                    in.get(0).upper().zip(range.upper(), Math::min));
            case Op.TruncateBitPattern truncate -> new Bounds(
                    in.get(0).lower().map(v -> BitPatterns.truncate(v, truncate.lsbs())),
                    in.get(0).upper().map(v -> BitPatterns.truncate(v, truncate.lsbs())));
        };
    }

    private static Bounds multiply(Bounds a, Bounds b) {
        LongTensor ll = a.lower().multiply(b.lower());
        LongTensor lu = a.lower().multiply(b.upper());
        LongTensor ul = a.upper().multiply(b.lower());
        LongTensor uu = a.upper().multiply(b.upper());
        return new Bounds(ll.zip(lu, Math::min).zip(ul.zip(uu, Math::min), Math::min),
                ll.zip(lu, Math::max).zip(ul.zip(uu, Math::max), Math::max));
    }

    /** Each output is a sum of products; its bounds are the sums of the products' bounds. */
    private static Bounds matmul(Bounds a, Bounds b) {
        MatmulShape m = MatmulShape.of(a.lower().shape(), b.lower().shape());
        long[] lower = new long[m.rows() * m.columns()];
        long[] upper = new long[lower.length];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.columns(); j++) {
                long lo = 0;
                long hi = 0;
                for (int t = 0; t < m.inner(); t++) {
                    int left = i * m.inner() + t;
                    int right = t * m.columns() + j;
                    long p1 = Math.multiplyExact(a.lower().get(left), b.lower().get(right));
                    long p2 = Math.multiplyExact(a.lower().get(left), b.upper().get(right));
                    long p3 = Math.multiplyExact(a.upper().get(left), b.lower().get(right));
                    long p4 = Math.multiplyExact(a.upper().get(left), b.upper().get(right));
                    lo = Math.addExact(lo, Math.min(Math.min(p1, p2), Math.min(p3, p4)));
                    hi = Math.addExact(hi, Math.max(Math.max(p1, p2), Math.max(p3, p4)));
                }
                lower[i * m.columns() + j] = lo;
                upper[i * m.columns() + j] = hi;
            }
        }
        return new Bounds(LongTensor.wrap(m.result(), lower), LongTensor.wrap(m.result(), upper));
    }

    private Bounds lookup(Node node, LookupTable table, Bounds input) {
        requireReadableWidth(node, input);
        if (input.min() < table.offset() || input.max() > table.lastInput()) {
            throw new CompilationException("%" + graph.position(node) + " = " + GraphPrinter.expression(graph, node)
                    + " reads values in [" + input.min() + ", " + input.max() + "] but its table covers ["
                    + table.offset() + ", " + table.lastInput() + "]: give a table for every value the input can "
                    + "take, or use apply(f), which is tabulated over the input's range.");
        }
        long[] lower = new long[input.lower().size()];
        long[] upper = new long[lower.length];
        for (int e = 0; e < lower.length; e++) {
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (long v = input.lower().get(e); v <= input.upper().get(e); v++) {
                long out = table.apply(e, v);
                lo = Math.min(lo, out);
                hi = Math.max(hi, out);
            }
            lower[e] = lo;
            upper[e] = hi;
        }
        Shape shape = input.lower().shape();
        return new Bounds(LongTensor.wrap(shape, lower), LongTensor.wrap(shape, upper));
    }

    private Bounds apply(Node node, LongUnaryOperator f, Bounds input) {
        requireReadableWidth(node, input);
        long step = 1L << removedLowBits(node.operands().getFirst());
        long[] lower = new long[input.lower().size()];
        long[] upper = new long[lower.length];
        for (int e = 0; e < lower.length; e++) {
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (long v = input.lower().get(e); v <= input.upper().get(e); v += step) {
                long out = f.applyAsLong(v);
                lo = Math.min(lo, out);
                hi = Math.max(hi, out);
            }
            lower[e] = lo;
            upper[e] = hi;
        }
        Shape shape = input.lower().shape();
        return new Bounds(LongTensor.wrap(shape, lower), LongTensor.wrap(shape, upper));
    }

    /** The low bits a rounding or truncation left at zero in this node's values, which a lookup need not read. */
    static int removedLowBits(Node node) {
        return switch (node.op()) {
            case Op.RoundBitPattern round -> round.lsbs();
            case Op.TruncateBitPattern truncate -> truncate.lsbs();
            default -> 0;
        };
    }

    private void requireReadableWidth(Node node, Bounds input) {
        if (!node.isEncrypted()) {
            return;
        }
        int width = IntegerType.of(input.min(), input.max()).bits() - removedLowBits(node.operands().getFirst());
        if (width > MAX_LOOKUP_BITS) {
            throw new CompilationException("%" + graph.position(node) + " = " + GraphPrinter.expression(graph, node)
                    + " is a lookup over " + width + " bits (its input ranges over [" + input.min() + ", "
                    + input.max() + "]); bootstraps read at most " + MAX_LOOKUP_BITS + " bits. Lower n_bits, or "
                    + "round the input first: roundBitPattern(" + (width - MAX_LOOKUP_BITS) + ") or more.");
        }
    }
}

package org.fheml.compilation;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates a graph in the clear: the reference semantics every other evaluation is compared with. */
final class GraphEvaluator {

    private GraphEvaluator() {
    }

    static Map<Node, LongTensor> evaluate(Graph graph, List<LongTensor> arguments) {
        if (arguments.size() != graph.inputs().size()) {
            throw new IllegalArgumentException("The circuit takes " + graph.inputs().size() + " argument(s), got "
                    + arguments.size() + ".");
        }
        Map<Node, LongTensor> values = new IdentityHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            Node input = graph.inputs().get(i);
            LongTensor argument = arguments.get(i);
            if (!argument.shape().equals(input.shape())) {
                throw new IllegalArgumentException("Argument " + i + " (" + ((Op.Input) input.op()).name()
                        + ") has shape " + argument.shape() + ", the circuit expects " + input.shape() + ".");
            }
            values.put(input, argument);
        }
        for (Node node : graph.nodes()) {
            if (!values.containsKey(node)) {
                try {
                    values.put(node, apply(node, node.operands().stream().map(values::get).toList()));
                } catch (ArithmeticException e) {
                    throw new CompilationException("%" + graph.position(node) + " (" + GraphPrinter.expression(graph, node)
                            + "): " + e.getMessage());
                }
            }
        }
        return values;
    }

    static LongTensor apply(Node node, List<LongTensor> in) {
        return switch (node.op()) {
            case Op.Input input -> throw new IllegalStateException("Input " + input.name() + " has no value.");
            case Op.Constant constant -> constant.value();
            case Op.Add add -> in.get(0).add(in.get(1));
            case Op.Subtract subtract -> in.get(0).subtract(in.get(1));
            case Op.Negate negate -> in.get(0).negate();
            case Op.Multiply multiply -> in.get(0).multiply(in.get(1));
            case Op.MatMul matmul -> in.get(0).matmul(in.get(1));
            case Op.Sum sum -> sum.axis() == null ? in.get(0).sum() : in.get(0).sum(sum.axis());
            case Op.Reshape reshape -> in.get(0).reshape(reshape.shape());
            case Op.Transpose transpose -> in.get(0).transpose(transpose.axes());
            case Op.Slice slice -> in.get(0).slice(slice.start(), slice.stop(), slice.step());
            case Op.Index index -> in.get(0).index(index.index());
            case Op.Concatenate concatenate -> LongTensor.concatenate(in, concatenate.axis());
            case Op.Lookup lookup -> lookup(lookup.table(), in.get(0));
            case Op.Apply apply -> in.get(0).map(apply.function());
            case Op.RoundBitPattern round -> in.get(0).map(v -> BitPatterns.round(v, round.lsbs()));
            case Op.TruncateBitPattern truncate -> in.get(0).map(v -> BitPatterns.truncate(v, truncate.lsbs()));
            case Op.AssumeRange assumed -> checked(assumed, in.get(0));
        };
    }

    private static LongTensor checked(Op.AssumeRange assumed, LongTensor value) {
        for (int i = 0; i < value.size(); i++) {
            long v = value.get(i);
            if (v < assumed.lower().get(i) || v > assumed.upper().get(i)) {
                throw new ArithmeticException("element " + i + " is " + v + ", outside its assumed range ["
                        + assumed.lower().get(i) + ", " + assumed.upper().get(i) + "]");
            }
        }
        return value;
    }

    private static LongTensor lookup(LookupTable table, LongTensor input) {
        long[] out = new long[input.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = table.apply(i, input.get(i));
        }
        return LongTensor.wrap(input.shape(), out);
    }
}

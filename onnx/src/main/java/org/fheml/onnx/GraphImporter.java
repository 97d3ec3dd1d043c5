package org.fheml.onnx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fheml.onnx.proto.GraphMessage;
import org.fheml.onnx.proto.ModelMessage;
import org.fheml.onnx.proto.NodeMessage;
import org.fheml.onnx.proto.OpsetMessage;
import org.fheml.onnx.proto.TensorMessage;
import org.fheml.onnx.proto.ValueInfoMessage;

/**
 * Builds an {@link OnnxGraph} from a decoded model: checks the opset, resolves the single input's shape (the first
 * dimension is the batch), converts the nodes in topological order with {@link NodeImporter}, folds constants,
 * keeps only the nodes the output depends on, and checks the declared output shape.
 */
final class GraphImporter {

    static final int MIN_OPSET = 13;
    static final int MAX_OPSET = 21;

    private final List<Node> nodes = new ArrayList<>();

    private GraphImporter() {
    }

    static OnnxGraph importModel(ModelMessage model) {
        return new GraphImporter().run(model);
    }

    private OnnxGraph run(ModelMessage model) {
        int opset = opset(model);
        GraphMessage graph = model.graph();
        if (graph.sparseInitializerCount() > 0) {
            throw new UnsupportedOnnxException("model", "graph", "sparse initializers");
        }
        Map<String, Symbol> symbols = new HashMap<>();
        for (TensorMessage t : graph.initializers()) {
            symbols.put(t.name(), new Symbol.Const(TensorDecoding.decode(t, "initializer '" + t.name() + "'")));
        }
        List<ValueInfoMessage> inputs = graph.inputs().stream().filter(v -> !symbols.containsKey(v.name())).toList();
        if (inputs.size() != 1) {
            throw new UnsupportedOnnxException("model", "graph", inputs.size() + " inputs "
                    + inputs.stream().map(ValueInfoMessage::name).toList() + " (fheml reads models with one input)");
        }
        ValueInfoMessage input = inputs.get(0);
        ElementType inputType = inputType(input);
        int[] inputShape = inputShape(input);
        long declaredBatch = input.dims().get(0).hasValue() ? input.dims().get(0).value() : -1;
        symbols.put(input.name(), new Symbol.Activation(0, inputShape, inputType));

        NodeImporter.Sink sink = new NodeImporter.Sink() {
            @Override
            public Symbol.Activation append(Node node) {
                nodes.add(node);
                return new Symbol.Activation(nodes.size(), node.shape(), node.type());
            }

            @Override
            public long declaredBatch() {
                return declaredBatch;
            }
        };
        for (NodeMessage node : topologicalOrder(graph.nodes(), symbols.keySet())) {
            convert(node, symbols, sink, opset);
        }

        if (graph.outputs().size() != 1) {
            throw new UnsupportedOnnxException("model", "graph", graph.outputs().size()
                    + " outputs (fheml reads models with one output)");
        }
        ValueInfoMessage output = graph.outputs().get(0);
        Symbol out = symbols.get(output.name());
        if (!(out instanceof Symbol.Activation activation)) {
            throw new UnsupportedOnnxException(output.name(), "output", out == null
                    ? "no node computes the graph output" : "the output does not depend on the input");
        }
        checkDeclaredShape(output, activation.shape());
        List<Node> live = GraphCompaction.compact(nodes, activation.id());
        for (int i = 0; i < live.size() - 1; i++) {
            if (live.get(i).op() instanceof FloatOp.Softmax) {
                Node n = live.get(i);
                throw new UnsupportedOnnxException(n.name(), n.onnxOpType(), "Softmax or LogSoftmax before the last op "
                        + "(fheml runs it in the clear on the client, so it must produce the graph output)");
            }
        }
        return new OnnxGraph(input.name(), inputType, inputShape, output.name(), live, opset, model.producerName());
    }

    private static int opset(ModelMessage model) {
        Integer version = null;
        for (OpsetMessage o : model.opsets()) {
            if (o.domain().isEmpty() || o.domain().equals("ai.onnx")) {
                version = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, o.version()));
            }
        }
        if (version == null) {
            throw new OnnxFormatException("the model imports no version of the default ONNX operator set");
        }
        if (version < MIN_OPSET || version > MAX_OPSET) {
            throw new UnsupportedOnnxException("model", "opset_import", "opset version " + version + " (fheml reads "
                    + MIN_OPSET + " to " + MAX_OPSET + "; re-export with opset_version in that range)");
        }
        return version;
    }

    private static ElementType inputType(ValueInfoMessage input) {
        if (!input.tensorType()) {
            throw new UnsupportedOnnxException(input.name(), "input", "an input that is not a tensor");
        }
        ElementType type = ElementType.of(input.elemType()).orElse(null);
        if (type != ElementType.FLOAT && type != ElementType.DOUBLE) {
            throw new UnsupportedOnnxException(input.name(), "input", "input element type "
                    + (type == null ? input.elemType() : type) + " (fheml reads float and double inputs)");
        }
        return type;
    }

    private static int[] inputShape(ValueInfoMessage input) {
        List<ValueInfoMessage.Dim> dims = input.dims();
        if (dims == null || dims.isEmpty()) {
            throw new OnnxShapeException(input.name(), "input", "the input declares no shape (fheml needs "
                    + "[batch, ...] with static sizes after the batch)");
        }
        int[] shape = new int[dims.size()];
        shape[0] = 1;
        for (int d = 1; d < dims.size(); d++) {
            ValueInfoMessage.Dim dim = dims.get(d);
            if (!dim.hasValue() || dim.value() < 1 || dim.value() > Integer.MAX_VALUE) {
                throw new OnnxShapeException(input.name(), "input", "dimension " + d + " is "
                        + (dim.hasValue() ? String.valueOf(dim.value()) : dim.param().isEmpty() ? "unknown"
                        : "symbolic ('" + dim.param() + "')") + "; fheml needs static sizes after the batch "
                        + "dimension (export with dynamic axes on dimension 0 only)");
            }
            shape[d] = (int) dim.value();
        }
        try {
            Shapes.size(shape);
        } catch (ShapeMismatch e) {
            throw new OnnxShapeException(input.name(), "input", e.getMessage());
        }
        return shape;
    }

    private static void checkDeclaredShape(ValueInfoMessage output, int[] inferred) {
        List<ValueInfoMessage.Dim> dims = output.dims();
        if (dims == null) {
            return;
        }
        boolean mismatch = dims.size() != inferred.length;
        for (int d = 1; !mismatch && d < dims.size(); d++) {
            mismatch = dims.get(d).hasValue() && dims.get(d).value() != inferred[d];
        }
        if (mismatch) {
            throw new OnnxShapeException(output.name(), "output", "the graph declares an output of "
                    + dims.size() + " dims " + dims.stream().map(x -> x.hasValue() ? String.valueOf(x.value())
                    : x.param()).toList() + " but the nodes compute " + Shapes.str(inferred)
                    + " per sample");
        }
    }

    private void convert(NodeMessage node, Map<String, Symbol> symbols, NodeImporter.Sink sink, int opset) {
        String name = nodeName(node);
        if (!node.domain().isEmpty() && !node.domain().equals("ai.onnx")) {
            throw new UnsupportedOnnxException(name, node.opType(), "operator domain '" + node.domain()
                    + "' (fheml reads the default ONNX domain only)");
        }
        if (OnnxOp.isControlFlow(node.opType())) {
            throw new UnsupportedOnnxException(name, node.opType(), "control flow");
        }
        OnnxOp op = OnnxOp.of(node.opType()).orElseThrow(() -> new UnsupportedOnnxException(name, node.opType(),
                "unknown op type (not among the " + OnnxOp.values().length + " ops fheml imports)"));
        List<Symbol> in = new ArrayList<>();
        for (String input : node.inputs()) {
            in.add(input.isEmpty() ? null : symbols.get(input));
        }
        // trailing omitted optional inputs are the same as absent ones
        while (!in.isEmpty() && in.get(in.size() - 1) == null) {
            in.remove(in.size() - 1);
        }
        List<Symbol> out = new NodeImporter(name, node.opType(), op, in, node.outputs().size(),
                new Attributes(name, node), sink, opset).run();
        for (int i = 0; i < node.outputs().size() && i < out.size(); i++) {
            String output = node.outputs().get(i);
            if (!output.isEmpty()) {
                symbols.put(output, out.get(i));
            }
        }
    }

    private static String nodeName(NodeMessage node) {
        if (!node.name().isEmpty()) {
            return node.name();
        }
        return node.outputs().isEmpty() ? node.opType() : node.outputs().get(0);
    }

    /** Kahn's order, stable: ONNX files list nodes sorted already, but the specification only recommends it. */
    private static List<NodeMessage> topologicalOrder(List<NodeMessage> nodes, Set<String> known) {
        Map<String, Integer> producer = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (String o : nodes.get(i).outputs()) {
                if (!o.isEmpty() && producer.put(o, i) != null) {
                    throw new OnnxFormatException("value '" + o + "' is produced by two nodes");
                }
            }
        }
        int[] waiting = new int[nodes.size()];
        Map<Integer, List<Integer>> consumers = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Set<Integer> deps = new HashSet<>();
            for (String input : nodes.get(i).inputs()) {
                if (input.isEmpty() || known.contains(input) && !producer.containsKey(input)) {
                    continue;
                }
                Integer p = producer.get(input);
                if (p == null) {
                    throw new OnnxFormatException(OnnxException.where(nodeName(nodes.get(i)), nodes.get(i).opType())
                            + " reads '" + input + "', which no initializer, graph input or node defines");
                }
                deps.add(p);
            }
            waiting[i] = deps.size();
            for (int p : deps) {
                consumers.computeIfAbsent(p, k -> new ArrayList<>()).add(i);
            }
        }
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        List<NodeMessage> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(nodes.get(i));
            for (int c : consumers.getOrDefault(i, List.of())) {
                if (--waiting[c] == 0) {
                    ready.add(c);
                }
            }
        }
        if (order.size() != nodes.size()) {
            throw new OnnxFormatException("the graph has a cycle: " + (nodes.size() - order.size())
                    + " nodes depend on each other");
        }
        return order;
    }
}

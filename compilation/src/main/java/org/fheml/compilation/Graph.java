package org.fheml.compilation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A traced integer program after analysis: its nodes in evaluation order, its inputs and outputs, and for every
 * node the range measured on the inputset and the bounds that hold for every input within the declared ranges.
 * Bit-widths come from the bounds, so that no value can exceed its width whatever the input.
 */
public final class Graph {

    private final List<Node> nodes;
    private final Map<Node, Integer> positions = new IdentityHashMap<>();
    private final List<Node> inputs;
    private final List<Node> outputs;
    private final Map<Node, Bounds> bounds;
    private final Map<Node, Bounds> measured;

    Graph(List<Node> inputs, List<Node> outputs, Map<Node, Bounds> bounds, Map<Node, Bounds> measured) {
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.nodes = topologicalOrder(inputs, outputs);
        for (int i = 0; i < nodes.size(); i++) {
            positions.put(nodes.get(i), i);
        }
        this.bounds = bounds;
        this.measured = measured;
    }

    /**
     * Kahn's algorithm with a last-in-first-out stack over the nodes in creation order, the order networkx (and so
     * Concrete) prints: leaves first, then every op once its operands are done.
     */
    static List<Node> topologicalOrder(List<Node> inputs, List<Node> outputs) {
        Set<Node> reachable = new LinkedHashSet<>(inputs);
        Deque<Node> pending = new ArrayDeque<>(outputs);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (reachable.add(node)) {
                node.operands().forEach(pending::push);
            }
        }
        List<Node> all = new ArrayList<>(reachable);
        all.sort(Comparator.comparingLong(Node::creation));
        Map<Node, List<Node>> users = new IdentityHashMap<>();
        Map<Node, Integer> pendingOperands = new HashMap<>();
        for (Node node : all) {
            pendingOperands.put(node, node.operands().size());
            for (Node operand : node.operands()) {
                users.computeIfAbsent(operand, k -> new ArrayList<>()).add(node);
            }
        }
        Deque<Node> ready = new ArrayDeque<>();
        for (Node node : all) {
            if (node.operands().isEmpty()) {
                ready.push(node);
            }
        }
        List<Node> order = new ArrayList<>(all.size());
        while (!ready.isEmpty()) {
            Node node = ready.pop();
            order.add(node);
            for (Node user : users.getOrDefault(node, List.of())) {
                int left = pendingOperands.merge(user, -1, Integer::sum);
                if (left == 0) {
                    ready.push(user);
                }
            }
        }
        return List.copyOf(order);
    }

    /** Every node, in evaluation (and printing) order. */
    public List<Node> nodes() {
        return nodes;
    }

    /** The argument nodes, in argument order. */
    public List<Node> inputs() {
        return inputs;
    }

    public List<Node> outputs() {
        return outputs;
    }

    /** The node's number as printed: {@code %k}. */
    public int position(Node node) {
        Integer position = positions.get(node);
        if (position == null) {
            throw new IllegalArgumentException("Node " + node + " is not part of this graph.");
        }
        return position;
    }

    /** Bounds that hold for every input within the declared ranges. */
    public Bounds bounds(Node node) {
        return bounds.get(node);
    }

    /** The range of values observed on the inputset. */
    public Bounds measuredRange(Node node) {
        return measured.get(node);
    }

    public IntegerType type(Node node) {
        return bounds(node).type();
    }

    public int bitWidth(Node node) {
        return type(node).bits();
    }

    /** The widest integer of the program, clear or encrypted. */
    public int maximumIntegerBitWidth() {
        return nodes.stream().mapToInt(this::bitWidth).max().orElse(0);
    }

    /** The widest encrypted integer: what the circuit's encoding must hold. */
    public int maximumEncryptedBitWidth() {
        return nodes.stream().filter(Node::isEncrypted).mapToInt(this::bitWidth).max().orElse(0);
    }

    /** The outputs for one set of arguments, computed in the clear. */
    public List<LongTensor> evaluate(List<LongTensor> arguments) {
        Map<Node, LongTensor> values = GraphEvaluator.evaluate(this, arguments);
        return outputs.stream().map(values::get).toList();
    }

    /** The program in Concrete's text format, with the measured ranges when asked. */
    public String format(boolean showRanges) {
        return GraphPrinter.format(this, showRanges);
    }

    @Override
    public String toString() {
        return format(false);
    }
}

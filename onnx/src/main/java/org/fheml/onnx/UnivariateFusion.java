package org.fheml.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collapses each subgraph of elementwise float ops that reads one activation into a single
 * {@link UnivariateFunction.Composite} node: on the quantized side that is one lookup table instead of a chain of
 * them, as Concrete ML fuses univariate subgraphs. A node joins a subgraph when it is a univariate function, a
 * binary op with a scalar constant, or a binary op of two values of the same subgraph; a value ends a subgraph when
 * it is the graph output, is read more than once, or is read by a node outside it.
 */
final class UnivariateFusion {

    private UnivariateFusion() {
    }

    static List<Node> fuse(List<Node> nodes) {
        boolean[] fusable = new boolean[nodes.size()];
        for (int k = 0; k < nodes.size(); k++) {
            fusable[k] = candidate(nodes.get(k));
        }
        while (true) {
            boolean[] boundary = boundaries(nodes, fusable);
            int[] root = new int[nodes.size() + 1];
            Expression[] expr = new Expression[nodes.size() + 1];
            boolean changed = false;
            for (int k = 0; k < nodes.size(); k++) {
                if (!fusable[k]) {
                    continue;
                }
                Node n = nodes.get(k);
                int r = -1;
                List<Expression> args = new ArrayList<>();
                for (Operand o : n.inputs()) {
                    if (o instanceof Operand.Value v) {
                        int vr = boundary[v.id()] ? v.id() : root[v.id()];
                        if (r >= 0 && vr != r) {
                            r = -2;
                        } else if (r != -2) {
                            r = vr;
                        }
                        args.add(boundary[v.id()] ? new Expression.Variable() : expr[v.id()]);
                    } else {
                        args.add(null);
                    }
                }
                if (r < 0) {
                    fusable[k] = false; // two different roots: this node joins two subgraphs
                    changed = true;
                    break;
                }
                root[k + 1] = r;
                expr[k + 1] = expression(n, args);
            }
            if (changed) {
                continue;
            }
            return rebuild(nodes, fusable, boundary, root, expr);
        }
    }

    private static boolean candidate(Node n) {
        if (n.type() != ElementType.FLOAT) {
            return false;
        }
        return switch (n.op()) {
            case FloatOp.Univariate u -> true;
            case FloatOp.Binary b -> {
                boolean ok = true;
                for (Operand o : n.inputs()) {
                    ok &= switch (o) {
                        case Operand.Constant c -> c.tensor().size() == 1 && c.tensor().type() == ElementType.FLOAT;
                        case Operand.Value v -> true;
                    };
                }
                yield ok;
            }
            default -> false;
        };
    }

    /** Values that must exist as node outputs: inputs of non-fused nodes, shared values, the graph output. */
    private static boolean[] boundaries(List<Node> nodes, boolean[] fusable) {
        int[] uses = new int[nodes.size() + 1];
        boolean[] boundary = new boolean[nodes.size() + 1];
        boundary[0] = true;
        boundary[nodes.size()] = true;
        for (int k = 0; k < nodes.size(); k++) {
            if (!fusable[k]) {
                boundary[k + 1] = true;
            }
            for (Operand o : nodes.get(k).inputs()) {
                if (o instanceof Operand.Value v) {
                    uses[v.id()]++;
                    if (!fusable[k]) {
                        boundary[v.id()] = true;
                    }
                }
            }
        }
        for (int v = 0; v < uses.length; v++) {
            boundary[v] |= uses[v] != 1;
        }
        // shapes must match: a value read with broadcasting stays outside
        for (int k = 0; k < nodes.size(); k++) {
            for (Operand o : nodes.get(k).inputs()) {
                if (o instanceof Operand.Value v && fusable[k]
                        && !Arrays.equals(shape(nodes, v.id()), nodes.get(k).shape())) {
                    boundary[v.id()] = true;
                }
            }
        }
        return boundary;
    }

    private static int[] shape(List<Node> nodes, int value) {
        return value == 0 ? null : nodes.get(value - 1).shape();
    }

    private static Expression expression(Node n, List<Expression> args) {
        return switch (n.op()) {
            case FloatOp.Univariate u -> new Expression.Apply(u.function(), args.get(0));
            case FloatOp.Binary b -> {
                if (args.get(0) != null && args.get(1) != null) {
                    yield new Expression.Combine(b.operator(), args.get(0), args.get(1));
                }
                boolean constantFirst = args.get(0) == null;
                Tensor c = ((Operand.Constant) n.inputs().get(constantFirst ? 0 : 1)).tensor();
                yield new Expression.WithConstant(b.operator(), args.get(constantFirst ? 1 : 0), c.data()[0],
                        constantFirst);
            }
            default -> throw new IllegalStateException("not fusable: " + n.op());
        };
    }

    private static List<Node> rebuild(List<Node> nodes, boolean[] fusable, boolean[] boundary, int[] root,
            Expression[] expr) {
        int[] map = new int[nodes.size() + 1];
        Arrays.fill(map, -1);
        map[0] = 0;
        List<Node> out = new ArrayList<>();
        for (int k = 0; k < nodes.size(); k++) {
            Node n = nodes.get(k);
            if (fusable[k] && !boundary[k + 1]) {
                continue; // absorbed into the subgraph's last node
            }
            Node kept = n;
            if (fusable[k] && !singleOp(expr[k + 1])) {
                kept = new Node(n.name(), "fused univariate subgraph ending in " + n.onnxOpType(),
                        new FloatOp.Univariate(new UnivariateFunction.Composite(expr[k + 1])),
                        List.of(new Operand.Value(root[k + 1])), n.shape(), n.type());
            }
            List<Operand> inputs = kept.inputs().stream().map(o -> switch (o) {
                case Operand.Value v -> {
                    if (map[v.id()] < 0) {
                        throw new IllegalStateException("value " + v.id() + " was fused away but is read");
                    }
                    yield (Operand) new Operand.Value(map[v.id()]);
                }
                case Operand.Constant c -> c;
            }).toList();
            out.add(new Node(kept.name(), kept.onnxOpType(), kept.op(), inputs, kept.shape(), kept.type()));
            map[k + 1] = out.size();
        }
        return List.copyOf(out);
    }

    /** A subgraph of one node stays as it is (a mapping reads a lone op directly). */
    private static boolean singleOp(Expression e) {
        return switch (e) {
            case Expression.Apply a -> a.argument() instanceof Expression.Variable;
            case Expression.WithConstant w -> w.argument() instanceof Expression.Variable;
            case Expression.Combine c -> c.left() instanceof Expression.Variable
                    && c.right() instanceof Expression.Variable;
            case Expression.Variable v -> true;
        };
    }
}

package org.fheml.compilation;

import java.util.ArrayList;
import java.util.List;

/**
 * Which elements of an encrypted argument the circuit reads. An element is unread when every node that reads the
 * argument is a matrix product with clear constant weights that are all zero on that element (a tree's thermometer
 * code holds 2^n − 1 bits per feature, of which a tree tests a few). Encryption leaves unread elements as trivial
 * encryptions of zero: they cost no mask and no noise, carry nothing, and cannot change any result, since every
 * product that reads them multiplies them by zero.
 */
final class LiveInputs {

    private LiveInputs() {
    }

    /** For each encrypted input of the graph, in order, its read elements, or null when it reads all of them. */
    static List<boolean[]> of(Graph graph) {
        List<boolean[]> live = new ArrayList<>();
        for (Node input : graph.inputs()) {
            live.add(input.isEncrypted() ? read(graph, input) : null);
        }
        return live;
    }

    /** The elements of {@code input} some node reads, or null when they all are (or may be). */
    static boolean[] read(Graph graph, Node input) {
        if (graph.outputs().contains(input)) {
            return null;
        }
        boolean[] read = new boolean[input.shape().size()];
        for (Node node : graph.nodes()) {
            List<Node> operands = node.operands();
            if (!operands.contains(input)) {
                continue;
            }
            if (!(node.op() instanceof Op.MatMul) || operands.size() != 2 || operands.get(0) == operands.get(1)) {
                return null;
            }
            boolean left = operands.get(0) == input;
            Node other = operands.get(left ? 1 : 0);
            if (!(other.op() instanceof Op.Constant(LongTensor weights))) {
                return null;
            }
            MatmulShape m = MatmulShape.of(operands.get(0).shape(), operands.get(1).shape());
            for (int i = 0; i < m.rows(); i++) {
                for (int t = 0; t < m.inner(); t++) {
                    for (int j = 0; j < m.columns(); j++) {
                        long weight = weights.get(left ? t * m.columns() + j : i * m.inner() + t);
                        if (weight != 0) {
                            read[left ? i * m.inner() + t : t * m.columns() + j] = true;
                        }
                    }
                }
            }
        }
        for (boolean r : read) {
            if (!r) {
                return read;
            }
        }
        return null;
    }
}

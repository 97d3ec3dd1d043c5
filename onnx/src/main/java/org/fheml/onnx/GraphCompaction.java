package org.fheml.onnx;

import java.util.ArrayList;
import java.util.List;

/** Drops the nodes an output does not depend on and renumbers the values densely (0 = input, k + 1 = node k). */
final class GraphCompaction {

    private GraphCompaction() {
    }

    /**
     * @param nodes nodes in topological order, node k computing value k + 1
     * @param output the value to keep
     * @return the live nodes, the last one computing {@code output} (none when the output is the input)
     */
    static List<Node> compact(List<Node> nodes, int output) {
        boolean[] live = new boolean[nodes.size() + 1];
        live[output] = true;
        for (int k = nodes.size() - 1; k >= 0; k--) {
            if (!live[k + 1]) {
                continue;
            }
            for (Operand o : nodes.get(k).inputs()) {
                if (o instanceof Operand.Value v) {
                    live[v.id()] = true;
                }
            }
        }
        int[] renumber = new int[nodes.size() + 1];
        List<Node> out = new ArrayList<>();
        for (int k = 0; k < nodes.size(); k++) {
            if (!live[k + 1]) {
                continue;
            }
            Node n = nodes.get(k);
            List<Operand> inputs = n.inputs().stream().map(o -> switch (o) {
                case Operand.Value v -> (Operand) new Operand.Value(renumber[v.id()]);
                case Operand.Constant c -> c;
            }).toList();
            out.add(new Node(n.name(), n.onnxOpType(), n.op(), inputs, n.shape(), n.type()));
            renumber[k + 1] = out.size();
        }
        return List.copyOf(out);
    }
}

package org.fheml.models.tree;

import org.fheml.compilation.Circuit;
import org.fheml.compilation.Graph;
import org.fheml.compilation.Node;
import org.fheml.compilation.Op;

/** What the tests read off a compiled tree circuit: its lookups, their widths, its matmuls. */
record CircuitStats(int maxEncryptedBits, long lookups, int widestLookupInput, long matmuls) {

    static CircuitStats of(Circuit circuit) {
        Graph graph = circuit.graph();
        long lookups = 0;
        int widest = 0;
        long matmuls = 0;
        for (Node node : graph.nodes()) {
            if (node.isEncrypted() && (node.op() instanceof Op.Lookup || node.op() instanceof Op.Apply)) {
                lookups += node.shape().size();
                widest = Math.max(widest, graph.bitWidth(node.operands().getFirst()) - removedBits(node.operands().getFirst()));
            }
            if (node.op() instanceof Op.MatMul) {
                matmuls++;
            }
        }
        return new CircuitStats(graph.maximumEncryptedBitWidth(), lookups, widest, matmuls);
    }

    private static int removedBits(Node node) {
        return switch (node.op()) {
            case Op.RoundBitPattern round -> round.lsbs();
            case Op.TruncateBitPattern truncate -> truncate.lsbs();
            default -> 0;
        };
    }
}

package org.fheml.compilation;

import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.fheml.tfhe.serialization.ArtifactException;
import org.junit.jupiter.api.Test;

/** A specification whose nodes contradict their operands is refused when it is read, naming the node. */
class SpecificationCheckTest {

    private static final CircuitParameters LEVELED = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").add(1))
            .inputShape("x", 2).compile(new long[][] {{0, 0}, {3, 3}}).parameters();

    private static String refusal(Node output) {
        Node input = output.operands().getFirst();
        Map<Node, Bounds> bounds = new IdentityHashMap<>();
        for (Node node : List.of(input, output)) {
            int size = node.shape().size();
            bounds.put(node, new Bounds(LongTensor.of(node.shape(), new long[size]),
                    LongTensor.of(node.shape(), new long[size])));
        }
        Graph graph = new Graph(List.of(input), List.of(output), bounds, new IdentityHashMap<>());
        byte[] specification = CircuitSpecification.write(graph, LEVELED);
        return assertThrows(ArtifactException.class, () -> CircuitSpecification.read(specification)).getMessage();
    }

    private static Node input() {
        return new Node(new Op.Input("x", 0, ENCRYPTED), List.of(), Shape.of(2), true);
    }

    @Test
    void aShapeItsOperandsCannotMakeIsRefused() {
        String message = refusal(new Node(new Op.Negate(), List.of(input()), Shape.of(3), true));
        assertTrue(message.contains("gives node 1 (NEGATE) shape (3,) where its operands make (2,)"), message);
    }

    @Test
    void aClearNodeOfAnEncryptedOperandIsRefused() {
        String message = refusal(new Node(new Op.Negate(), List.of(input()), Shape.of(2), false));
        assertTrue(message.contains("marks node 1 clear against its operands"), message);
    }

    @Test
    void aWrongArityIsRefused() {
        Node x = input();
        String message = refusal(new Node(new Op.Sum(null), List.of(x, x), Shape.scalar(), true));
        assertTrue(message.contains("node 1 (SUM) with 2 operands"), message);
    }
}

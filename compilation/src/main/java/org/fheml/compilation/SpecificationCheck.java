package org.fheml.compilation;

import java.util.List;
import java.util.Map;
import org.fheml.tfhe.serialization.ArtifactReader;

/**
 * Checks a node read from a circuit specification against its operands, as tracing would have built it: the op's
 * arity, the shape it gives its operands' shapes, and that it is encrypted exactly when an operand (or, for an
 * input, its declaration) is. A specification that passes can be evaluated without an exception from deep inside.
 */
final class SpecificationCheck {

    private SpecificationCheck() {
    }

    static void node(ArtifactReader in, int position, Node node, Map<Node, Bounds> bounds) {
        List<Node> operands = node.operands();
        int arity = switch (node.op()) {
            case Op.Input o -> 0;
            case Op.Constant o -> 0;
            case Op.Add o -> 2;
            case Op.Subtract o -> 2;
            case Op.Multiply o -> 2;
            case Op.MatMul o -> 2;
            case Op.Concatenate o -> -1;
            case Op.Negate o -> 1;
            case Op.Sum o -> 1;
            case Op.Reshape o -> 1;
            case Op.Transpose o -> 1;
            case Op.Slice o -> 1;
            case Op.Index o -> 1;
            case Op.Lookup o -> 1;
            case Op.Apply o -> 1;
            case Op.RoundBitPattern o -> 1;
            case Op.TruncateBitPattern o -> 1;
            case Op.AssumeRange o -> 1;
        };
        if (arity >= 0 ? operands.size() != arity : operands.isEmpty()) {
            throw in.error("has node " + position + " (" + OpTag.of(node.op()) + ") with " + operands.size()
                    + " operands: it is damaged.");
        }
        boolean encrypted = switch (node.op()) {
            case Op.Input input -> input.encryption() == Encryption.ENCRYPTED;
            default -> operands.stream().anyMatch(Node::isEncrypted);
        };
        if (encrypted != node.isEncrypted()) {
            throw in.error("marks node " + position + " " + (node.isEncrypted() ? "encrypted" : "clear")
                    + " against its operands: it is damaged.");
        }
        Shape expected = expectedShape(node, operands, bounds);
        if (!expected.equals(node.shape())) {
            throw in.error("gives node " + position + " (" + OpTag.of(node.op()) + ") shape " + node.shape()
                    + " where its operands make " + expected + ": it is damaged.");
        }
        if (node.op() instanceof Op.Apply && !node.isEncrypted()) {
            throw in.error("applies a Java function to clear node " + position + ", which only the client that "
                    + "traced it can evaluate: it is damaged or was not written by Circuit.serverSpecification().");
        }
        if ((node.op() instanceof Op.MatMul || node.op() instanceof Op.Multiply)
                && operands.get(0).isEncrypted() && operands.get(1).isEncrypted()) {
            throw in.error("multiplies two encrypted values at node " + position + ": it is damaged.");
        }
    }

    /** The shape tracing gives this op on these operands; wrong operands raise IllegalArgumentException. */
    private static Shape expectedShape(Node node, List<Node> operands, Map<Node, Bounds> bounds) {
        return switch (node.op()) {
            case Op.Input input -> node.shape();
            case Op.Constant constant -> constant.value().shape();
            case Op.Add o -> Shape.broadcast(operands.get(0).shape(), operands.get(1).shape());
            case Op.Subtract o -> Shape.broadcast(operands.get(0).shape(), operands.get(1).shape());
            case Op.Multiply o -> Shape.broadcast(operands.get(0).shape(), operands.get(1).shape());
            case Op.MatMul o -> MatmulShape.of(operands.get(0).shape(), operands.get(1).shape()).result();
            case Op.Sum sum -> sum.axis() == null ? Shape.scalar()
                    : sample(operands.get(0), bounds).sum(sum.axis()).shape();
            case Op.Reshape reshape -> sample(operands.get(0), bounds).reshape(reshape.shape()).shape();
            case Op.Transpose transpose -> sample(operands.get(0), bounds).transpose(transpose.axes()).shape();
            case Op.Slice slice -> SliceShape.of(operands.get(0).shape(), slice.start(), slice.stop(), slice.step())
                    .result();
            case Op.Index index -> sample(operands.get(0), bounds).index(index.index()).shape();
            case Op.Concatenate concatenate -> LongTensor.concatenate(operands.stream()
                    .map(operand -> sample(operand, bounds)).toList(), concatenate.axis()).shape();
            case Op.Negate o -> operands.get(0).shape();
            case Op.Lookup o -> operands.get(0).shape();
            case Op.Apply o -> operands.get(0).shape();
            case Op.RoundBitPattern o -> operands.get(0).shape();
            case Op.TruncateBitPattern o -> operands.get(0).shape();
            case Op.AssumeRange o -> operands.get(0).shape();
        };
    }

    /** A tensor of the operand's shape: its lower bounds, which the specification holds anyway. */
    private static LongTensor sample(Node operand, Map<Node, Bounds> bounds) {
        return bounds.get(operand).lower();
    }
}

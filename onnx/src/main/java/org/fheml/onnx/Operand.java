package org.fheml.onnx;

/** An input of a node: the value computed by the graph input or an earlier node, or a constant tensor. */
public sealed interface Operand {

    /** Value {@code id}: 0 is the graph input, {@code k + 1} the output of node k. */
    record Value(int id) implements Operand {
    }

    /** A constant: an initializer, a Constant node, or a subgraph folded at load time. */
    record Constant(Tensor tensor) implements Operand {
    }
}

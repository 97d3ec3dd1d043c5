package org.fheml.onnx;

import java.util.List;

/**
 * One op of a loaded graph: its ONNX name and op type (for messages), the resolved op, its inputs, and the shape
 * and element type of its output for one sample (the batch dimension kept as size 1). Its output is value
 * {@code index + 1} of the graph, where {@code index} is its position in {@link OnnxGraph#nodes()}.
 */
public record Node(String name, String onnxOpType, FloatOp op, List<Operand> inputs, int[] shape, ElementType type) {

    public Node {
        inputs = List.copyOf(inputs);
    }
}

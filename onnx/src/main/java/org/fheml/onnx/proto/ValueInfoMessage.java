package org.fheml.onnx.proto;

import java.util.List;

/**
 * ONNX {@code ValueInfoProto} with its {@code TypeProto.Tensor}: the element type, and the dims when a shape is
 * given ({@code dims == null} means no shape). {@code tensorType} is false for sequence, map or optional types.
 */
public record ValueInfoMessage(String name, boolean tensorType, int elemType, List<Dim> dims) {

    /** One {@code TensorShapeProto.Dimension}: a fixed size, a symbolic name, or neither (unknown). */
    public record Dim(long value, boolean hasValue, String param) {
    }
}

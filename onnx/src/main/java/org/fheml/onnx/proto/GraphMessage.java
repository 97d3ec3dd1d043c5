package org.fheml.onnx.proto;

import java.util.List;

/** ONNX {@code GraphProto}: nodes, initializers, inputs, outputs and intermediate value infos. */
public record GraphMessage(String name, List<NodeMessage> nodes, List<TensorMessage> initializers,
        List<ValueInfoMessage> inputs, List<ValueInfoMessage> outputs, List<ValueInfoMessage> valueInfos,
        int sparseInitializerCount) {
}

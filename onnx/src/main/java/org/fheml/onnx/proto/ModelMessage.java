package org.fheml.onnx.proto;

import java.util.List;

/**
 * ONNX {@code ModelProto}: the fields fheml reads. {@code functionCount} counts model-local functions, which fheml
 * refuses when a node calls one.
 */
public record ModelMessage(long irVersion, String producerName, String producerVersion, List<OpsetMessage> opsets,
        GraphMessage graph, int functionCount) {
}

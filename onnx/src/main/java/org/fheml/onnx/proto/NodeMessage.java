package org.fheml.onnx.proto;

import java.util.List;

/** ONNX {@code NodeProto}: one operator call; empty input names stand for omitted optional inputs. */
public record NodeMessage(String name, String opType, String domain, List<String> inputs, List<String> outputs,
        List<AttributeMessage> attributes) {
}

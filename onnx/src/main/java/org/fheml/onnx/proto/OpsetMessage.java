package org.fheml.onnx.proto;

/** ONNX {@code OperatorSetIdProto}: an operator set domain ("" is the default ai.onnx domain) and its version. */
public record OpsetMessage(String domain, long version) {
}

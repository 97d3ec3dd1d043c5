package org.fheml.onnx;

/**
 * A well-formed ONNX model uses something fheml does not support: an unknown op, an unsupported attribute value,
 * control flow, an opset outside 13–21. Thrown at load time; names the node, its op type and what is unsupported.
 */
public final class UnsupportedOnnxException extends OnnxException {

    private static final long serialVersionUID = 1L;

    private final String nodeName;
    private final String opType;
    private final String unsupported;

    public UnsupportedOnnxException(String nodeName, String opType, String unsupported) {
        super(where(nodeName, opType) + ": " + unsupported);
        this.nodeName = nodeName;
        this.opType = opType;
        this.unsupported = unsupported;
    }

    /** The node's name (its first output's name when the node has none), or "model" for model-wide problems. */
    public String nodeName() {
        return nodeName;
    }

    /** The node's ONNX op type. */
    public String opType() {
        return opType;
    }

    /** What about the node fheml does not support. */
    public String unsupported() {
        return unsupported;
    }
}

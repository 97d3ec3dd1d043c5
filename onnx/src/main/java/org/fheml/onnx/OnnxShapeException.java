package org.fheml.onnx;

/** A tensor shape in the model cannot be resolved statically, or two shapes of one node do not fit together. */
public final class OnnxShapeException extends OnnxException {

    private static final long serialVersionUID = 1L;

    private final String nodeName;
    private final String opType;

    public OnnxShapeException(String nodeName, String opType, String problem) {
        super(where(nodeName, opType) + ": " + problem);
        this.nodeName = nodeName;
        this.opType = opType;
    }

    /** The node (or graph input/output name) whose shape failed. */
    public String nodeName() {
        return nodeName;
    }

    /** The node's ONNX op type ("input" or "output" for the graph's own declarations). */
    public String opType() {
        return opType;
    }
}

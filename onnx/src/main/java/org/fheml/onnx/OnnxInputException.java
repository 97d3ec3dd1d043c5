package org.fheml.onnx;

/** Data passed to a loaded graph does not match its input: wrong row length, or a missing row. */
public final class OnnxInputException extends OnnxException {

    private static final long serialVersionUID = 1L;

    public OnnxInputException(String message) {
        super(message);
    }
}

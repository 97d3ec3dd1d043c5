package org.fheml.onnx;

/** The file is not a readable ONNX model: truncated, corrupt, too large, or internally inconsistent. */
public final class OnnxFormatException extends OnnxException {

    private static final long serialVersionUID = 1L;

    public OnnxFormatException(String message) {
        super(message);
    }

    public OnnxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

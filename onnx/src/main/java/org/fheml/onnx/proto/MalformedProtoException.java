package org.fheml.onnx.proto;

/** The bytes are not a well-formed ONNX protobuf message: truncated, corrupt, or over a size bound. */
public final class MalformedProtoException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedProtoException(String message) {
        super(message);
    }

    public MalformedProtoException(String message, Throwable cause) {
        super(message, cause);
    }
}

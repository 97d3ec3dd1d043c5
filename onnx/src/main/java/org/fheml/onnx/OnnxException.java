package org.fheml.onnx;

/**
 * An ONNX file or an input that fheml cannot use. The subtypes say which: a damaged file
 * ({@link OnnxFormatException}), an op, attribute or construct outside what fheml supports
 * ({@link UnsupportedOnnxException}), shapes that cannot be resolved ({@link OnnxShapeException}), or data that does
 * not match the model's input ({@link OnnxInputException}).
 */
public abstract sealed class OnnxException extends IllegalArgumentException
        permits OnnxFormatException, UnsupportedOnnxException, OnnxShapeException, OnnxInputException {

    private static final long serialVersionUID = 1L;

    OnnxException(String message) {
        super(message);
    }

    OnnxException(String message, Throwable cause) {
        super(message, cause);
    }

    static String where(String nodeName, String opType) {
        return "node '" + nodeName + "' (" + opType + ")";
    }
}

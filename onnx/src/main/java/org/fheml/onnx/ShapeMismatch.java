package org.fheml.onnx;

/** Internal: shapes of one op do not fit; the importer adds the node's name and turns it into an OnnxShapeException. */
final class ShapeMismatch extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ShapeMismatch(String message) {
        super(message, null, false, false);
    }
}

package org.fheml.models.onnx;

/** Thrown when an {@link OnnxModel} is asked for quantized outputs before {@code compile} quantized its graph. */
public final class NotQuantizedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    NotQuantizedException(String what) {
        super("OnnxModel is not compiled: call compile(calibration) before " + what
                + " (compile quantizes the graph; evaluate(x) runs the float graph without it).");
    }
}

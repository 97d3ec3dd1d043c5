package org.fheml.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The PyTorch-exported fixtures under test resources (made by fixtures/make_fixtures.py) and their CSVs. */
final class Fixtures {

    static final List<String> ALL = List.of("mlp_relu", "mlp_leakyrelu", "mlp_sigmoid", "mlp_hardsigmoid",
            "mlp_hardswish", "mlp_tanh", "mlp_softplus", "mlp_elu", "mlp_selu", "mlp_celu", "mlp_gelu", "mlp_gelu_tanh",
            "mlp_silu", "mlp_mish", "mlp_relu6", "mlp_prelu", "mlp_gelu_opset20", "bn_mlp", "bn_cnn", "cnn_digits",
            "qcdq_digits", "layout_ops", "layout_ops_opset18");

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OnnxGraph graph(String name) {
        return OnnxGraph.load(bytes(name + ".onnx"));
    }

    /** The sample inputs, float32 values widened to double. */
    static double[][] inputs(String name) {
        return csv(name + ".input.csv");
    }

    /** ONNX Runtime's outputs, computed in Python when the fixture was made. */
    static double[][] ortOutputs(String name) {
        return csv(name + ".ort.csv");
    }

    static int[] labels(String name) {
        String text = new String(bytes(name + ".labels.csv"), StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.isBlank()).mapToInt(Integer::parseInt).toArray();
    }

    static double[][] csv(String file) {
        String text = new String(bytes(file), StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.isBlank())
                .map(l -> Arrays.stream(l.split(",")).mapToDouble(v -> (float) Double.parseDouble(v)).toArray())
                .toArray(double[][]::new);
    }

    /**
     * The largest error of {@code actual} against {@code expected}, relative to max(1, |expected|): the relative
     * error for values of magnitude 1 or more, the absolute error below.
     */
    static double maxRelativeError(double[][] actual, double[][] expected) {
        if (actual.length != expected.length) {
            throw new AssertionError(actual.length + " rows, expected " + expected.length);
        }
        double worst = 0;
        for (int r = 0; r < actual.length; r++) {
            if (actual[r].length != expected[r].length) {
                throw new AssertionError("row " + r + ": " + actual[r].length + " values, expected "
                        + expected[r].length);
            }
            for (int i = 0; i < actual[r].length; i++) {
                double e = Math.abs(actual[r][i] - expected[r][i]) / Math.max(1, Math.abs(expected[r][i]));
                worst = Math.max(worst, Double.isNaN(e) ? Double.POSITIVE_INFINITY : e);
            }
        }
        return worst;
    }
}

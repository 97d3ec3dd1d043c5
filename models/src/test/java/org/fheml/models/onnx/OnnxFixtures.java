package org.fheml.models.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;

/** The onnx module's PyTorch-exported fixtures (made by its fixtures/make_fixtures.py), read from its sources. */
final class OnnxFixtures {

    static final Path DIR = Path.of("..", "onnx", "src", "test", "resources", "org", "fheml", "onnx", "fixtures");

    /**
     * The fixtures the quantized mapping covers: every one, layout_ops* (Pad, Transpose, Concat) and bn_cnn (a
     * BatchNorm after a ReLU, per-channel scales requantized before a pooling) included.
     */
    static final List<String> MAPPED = List.of("mlp_relu", "mlp_leakyrelu", "mlp_sigmoid", "mlp_hardsigmoid",
            "mlp_hardswish", "mlp_tanh", "mlp_softplus", "mlp_elu", "mlp_selu", "mlp_celu", "mlp_gelu", "mlp_gelu_tanh",
            "mlp_silu", "mlp_mish", "mlp_relu6", "mlp_prelu", "mlp_gelu_opset20", "bn_mlp", "cnn_digits",
            "qcdq_digits", "layout_ops", "layout_ops_opset18", "bn_cnn");

    private OnnxFixtures() {
    }

    static Path file(String name) {
        return DIR.resolve(name + ".onnx");
    }

    static OnnxModel model(String name) {
        return OnnxModel.load(file(name));
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[][] inputs(String name) {
        return csv(name + ".input.csv");
    }

    static double[][] ortOutputs(String name) {
        return csv(name + ".ort.csv");
    }

    static double[][] csv(String file) {
        try {
            return Files.readString(DIR.resolve(file), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                    .map(l -> Arrays.stream(l.split(",")).mapToDouble(v -> (float) Double.parseDouble(v)).toArray())
                    .toArray(double[][]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1797 digits scaled to [0, 1] as the fixtures' script does (pixels / 16, float32). */
    static ClassificationDataset digits() {
        ClassificationDataset d = Datasets.digits();
        for (double[] row : d.features()) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) (row[i] / 16.0);
            }
        }
        return d;
    }

    static double accuracy(int[] predicted, int[] labels) {
        int hits = 0;
        for (int i = 0; i < labels.length; i++) {
            hits += predicted[i] == labels[i] ? 1 : 0;
        }
        return (double) hits / labels.length;
    }

    static int[] argmax(double[][] scores) {
        return Arrays.stream(scores).mapToInt(row -> {
            int best = 0;
            for (int i = 1; i < row.length; i++) {
                if (row[i] > row[best]) {
                    best = i;
                }
            }
            return best;
        }).toArray();
    }
}

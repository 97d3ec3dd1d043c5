package org.fheml.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every PyTorch-exported fixture evaluates to ONNX Runtime's outputs (computed in Python) within 1e-5 relative. */
class FixtureTest {

    static Stream<String> fixtures() {
        return Fixtures.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void floatEvaluationMatchesOnnxRuntime(String name) {
        OnnxGraph graph = Fixtures.graph(name);
        double[][] out = graph.evaluate(Fixtures.inputs(name));
        double error = Fixtures.maxRelativeError(out, Fixtures.ortOutputs(name));
        assertTrue(error <= 1e-5, name + ": max relative error " + error + "\n" + graph);
    }

    @Test
    void theDigitsCnnKeepsItsShapesAndClassifiesLikeTorch() {
        OnnxGraph graph = Fixtures.graph("cnn_digits");
        assertArrayEquals(new int[] {1, 8, 8}, graph.inputShape());
        assertArrayEquals(new int[] {10}, graph.outputShape());
        // Conv, Relu, AveragePool, Conv, Relu, MaxPool, Reshape, Gemm: the Shape -> Gather -> Unsqueeze -> Concat
        // chain of x.view(x.size(0), -1) folds into the one Reshape
        assertEquals(8, graph.nodes().size(), graph.toString());
        double[][] out = graph.evaluate(Fixtures.inputs("cnn_digits"));
        int[] labels = Fixtures.labels("cnn_digits");
        int correct = 0;
        for (int r = 0; r < out.length; r++) {
            correct += argmax(out[r]) == labels[r] ? 1 : 0;
        }
        assertTrue(correct >= 58, correct + " of " + out.length + " digits right");
    }

    /** ONNX Runtime's default session fuses QDQ pairs into integer kernels: it rounds differently, same classes. */
    @Test
    void qcdqOutputsGiveOptimizedOnnxRuntimesArgmaxOnEveryRow() {
        double[][] out = Fixtures.graph("qcdq_digits").evaluate(Fixtures.inputs("qcdq_digits"));
        double[][] ort = Fixtures.csv("qcdq_digits.ort_optimized.csv");
        for (int r = 0; r < out.length; r++) {
            assertEquals(argmax(ort[r]), argmax(out[r]), "row " + r);
        }
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}

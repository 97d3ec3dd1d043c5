package org.fheml.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Folding BatchNormalization into the preceding Conv or Gemm removes the node and keeps the outputs. */
class BatchNormFoldingTest {

    @Test
    void foldingIntoAGemmKeepsTheOutputs() {
        OnnxGraph graph = Fixtures.graph("bn_mlp");
        OnnxGraph folded = graph.foldBatchNormalization();
        assertEquals(graph.nodes().size() - 1, folded.nodes().size(), folded.toString());
        assertTrue(folded.nodes().stream().noneMatch(n -> n.op() instanceof FloatOp.BatchNormalization));
        double[][] x = Fixtures.inputs("bn_mlp");
        assertTrue(Fixtures.maxRelativeError(folded.evaluate(x), graph.evaluate(x)) < 1e-12);
    }

    @Test
    void foldingIntoAConvKeepsTheOutputsAndLeavesABatchNormAfterAReluAlone() {
        OnnxWriter w = new OnnxWriter(15).input("x", "N", 2, 5, 5);
        Random rnd = new Random(3);
        String conv = w.node("Conv", List.of("x", w.floats(new int[] {3, 2, 3, 3}, gaussian(rnd, 54)),
                w.floats(new int[] {3}, gaussian(rnd, 3))), OnnxWriter.Attribute.ints("pads", 1, 1, 1, 1));
        String bn = w.node("BatchNormalization", List.of(conv, w.floats(new int[] {3}, gaussian(rnd, 3)),
                w.floats(new int[] {3}, gaussian(rnd, 3)), w.floats(new int[] {3}, gaussian(rnd, 3)),
                w.floats(new int[] {3}, 0.5, 1.5, 2.5)));
        String relu = w.node("Relu", List.of(bn));
        String bn2 = w.node("BatchNormalization", List.of(relu, w.floats(new int[] {3}, 1, 2, 3),
                w.floats(new int[] {3}, 0, 0, 1), w.floats(new int[] {3}, 0, 1, 0), w.floats(new int[] {3}, 1, 1, 1)));
        w.output(bn2);
        OnnxGraph graph = OnnxGraph.load(w.build());
        OnnxGraph folded = graph.foldBatchNormalization();
        assertEquals(List.of("Conv", "Relu", "BatchNormalization"),
                folded.nodes().stream().map(Node::onnxOpType).toList());
        double[][] x = OnnxRuntimeDifferentialTest.randomRows(rnd, 4, graph.inputSize());
        assertTrue(Fixtures.maxRelativeError(folded.evaluate(x), graph.evaluate(x)) < 1e-12);
    }

    private static double[] gaussian(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        return v;
    }
}

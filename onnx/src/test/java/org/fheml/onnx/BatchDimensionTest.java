package org.fheml.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The first input dimension is the batch, symbolic or fixed: rows are evaluated independently either way. */
class BatchDimensionTest {

    @Test
    void aModelExportedWithAFixedBatchOfOneEvaluatesManyRows() {
        OnnxWriter w = new OnnxWriter(13).input("x", 1, 2, 3);
        String flat = w.node("Reshape", List.of("x", w.longs(1, -1)));
        String y = w.node("MatMul", List.of(flat, w.floats(new int[] {6, 2}, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1)));
        w.output(y, 1, 2);
        OnnxGraph graph = OnnxGraph.load(w.build());
        assertArrayEquals(new int[] {2, 3}, graph.inputShape());
        double[][] out = graph.evaluate(new double[][] {{1, 2, 3, 4, 5, 6}, {0, 0, 0, 0, 0, 1}, {1, 1, 1, 1, 1, 1}});
        assertArrayEquals(new double[] {9, 12}, out[0]);
        assertArrayEquals(new double[] {0, 1}, out[1]);
        assertArrayEquals(new double[] {3, 3}, out[2]);
    }

    @Test
    void eachRowGivesWhatItGivesAlone() {
        OnnxGraph graph = Fixtures.graph("layout_ops");
        double[][] x = Fixtures.inputs("layout_ops");
        double[][] together = graph.evaluate(x);
        for (int r = 0; r < x.length; r++) {
            assertArrayEquals(graph.evaluate(new double[][] {x[r]})[0], together[r], 0.0, "row " + r);
        }
    }
}

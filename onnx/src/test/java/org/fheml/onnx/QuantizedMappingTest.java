package org.fheml.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fheml.quantization.GatherOp;
import org.fheml.quantization.QuantizedModule;
import org.fheml.quantization.TableOp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The layout ops and unfolded BatchNormalization map onto quantized ops; what cannot be mapped is refused. */
class QuantizedMappingTest {

    /** At 8 bits post-training, the integer program picks the float graph's class on nearly every row. */
    @ParameterizedTest
    @ValueSource(strings = {"layout_ops", "layout_ops_opset18", "bn_cnn"})
    void layoutOpsAndAnUnfoldedBatchNormTrackTheFloatGraph(String name) {
        OnnxGraph graph = Fixtures.graph(name);
        double[][] x = Fixtures.inputs(name);
        QuantizedModule module = QuantizedMapping.postTraining(graph, x, 8, 8).module();
        double[][] reference = graph.evaluate(x);
        int same = 0;
        for (int r = 0; r < x.length; r++) {
            double[] y = module.dequantizeOutput(module.evaluate(module.quantizeInput(x[r])));
            same += FixtureTest.argmax(y) == FixtureTest.argmax(reference[r]) ? 1 : 0;
        }
        assertTrue(same >= 0.9 * x.length, name + ": " + same + " of " + x.length + " rows pick the float class");
        boolean layout = name.startsWith("layout");
        assertTrue(module.nodes().stream().anyMatch(n -> layout ? n.op() instanceof GatherOp : n.op() instanceof TableOp),
                name + " maps " + (layout ? "Pad, Transpose and Concat onto gathers" : "the BatchNormalization's "
                        + "per-channel scales onto one by per-element tables"));
    }

    @Test
    void aProductOfTwoActivationsIsRefusedNamingTheNode() {
        OnnxWriter w = new OnnxWriter(17).input("x", "N", 4);
        double[] identity = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
        double[] reversed = {0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0};
        String a = w.node("MatMul", List.of("x", w.floats(new int[] {4, 4}, identity)));
        String s = w.node("MatMul", List.of("x", w.floats(new int[] {4, 4}, reversed)));
        w.output(w.node("Mul", List.of(a, s)));
        OnnxGraph graph = OnnxGraph.load(w.build());
        double[][] x = {{0, 1, 2, 3}, {-1, -2, 0.5, 1}};
        UnsupportedOnnxException e = assertThrows(UnsupportedOnnxException.class,
                () -> QuantizedMapping.postTraining(graph, x, 6, 4));
        assertEquals("Mul", e.opType());
        assertTrue(e.unsupported().contains("two activations"), e.getMessage());
    }
}

package org.fheml.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GELU, SiLU and Mish patterns collapse into one univariate node with the same outputs. */
class UnivariateFusionTest {

    @ParameterizedTest
    @ValueSource(strings = {"mlp_gelu", "mlp_gelu_tanh", "mlp_silu", "mlp_mish"})
    void activationPatternsBecomeOneUnivariateNode(String name) {
        OnnxGraph graph = Fixtures.graph(name);
        OnnxGraph fused = graph.fuseUnivariateSubgraphs();
        assertEquals(List.of("Gemm", "Univariate", "Gemm"),
                fused.nodes().stream().map(n -> n.op().getClass().getSimpleName()).toList(), fused.toString());
        FloatOp.Univariate u = assertInstanceOf(FloatOp.Univariate.class, fused.nodes().get(1).op());
        assertInstanceOf(UnivariateFunction.Composite.class, u.function());
        double[][] x = Fixtures.inputs(name);
        assertTrue(Fixtures.maxRelativeError(fused.evaluate(x), graph.evaluate(x)) < 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp_gelu"})
    void theErfPatternComputesGelu(String name) {
        FloatOp.Univariate u = (FloatOp.Univariate) Fixtures.graph(name).fuseUnivariateSubgraphs().nodes().get(1).op();
        UnivariateFunction.Gelu gelu = new UnivariateFunction.Gelu(false);
        for (double x = -6; x <= 6; x += 0.01) {
            assertEquals(gelu.apply(x), u.function().apply(x), 1e-6 * Math.max(1, Math.abs(x)), "x = " + x);
        }
    }

    @TestFactory
    Stream<DynamicTest> fusionKeepsTheOutputsOfRandomGraphs() {
        return IntStream.range(0, 200).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            OnnxGraph graph = OnnxGraph.load(RandomGraphs.generate(seed).bytes());
            OnnxGraph fused = graph.fuseUnivariateSubgraphs();
            assertTrue(fused.nodes().size() <= graph.nodes().size());
            double[][] x = OnnxRuntimeDifferentialTest.randomRows(new java.util.Random(seed), 3, graph.inputSize());
            double error = Fixtures.maxRelativeError(fused.evaluate(x), graph.evaluate(x));
            assertTrue(error < 1e-12, "seed " + seed + ": " + error + "\n" + graph + "\n" + fused);
        }));
    }
}

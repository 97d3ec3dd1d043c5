package org.fheml.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test against ONNX Runtime (Java, test scope): fheml's float evaluation agrees with it to 1e-5
 * relative on every fixture and on random graphs of the supported ops, built by {@link RandomGraphs}.
 * ONNX Runtime runs with graph optimizations off, so that it follows the ONNX operator definitions (its QDQ
 * fusions round differently).
 */
class OnnxRuntimeDifferentialTest {

    static final double TOLERANCE = 1e-5;
    static final int RANDOM_GRAPHS = 400;

    private static OrtEnvironment env;

    @BeforeAll
    static void start() {
        env = OrtEnvironment.getEnvironment();
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureAgreesWithOnnxRuntimeInJava() {
        return Fixtures.ALL.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            byte[] model = Fixtures.bytes(name + ".onnx");
            OnnxGraph graph = OnnxGraph.load(model);
            double[][] x = Fixtures.inputs(name);
            double[][] ort = run(model, x, graph.inputShape(), false);
            double error = Fixtures.maxRelativeError(graph.evaluate(x), ort);
            assertTrue(error <= TOLERANCE, name + ": max relative error " + error);
        }));
    }

    @TestFactory
    Stream<DynamicTest> randomGraphsAgreeWithOnnxRuntime() {
        return IntStream.range(0, RANDOM_GRAPHS).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            RandomGraphs.Model model = RandomGraphs.generate(seed);
            OnnxGraph graph = OnnxGraph.load(model.bytes());
            double[][] x = randomRows(new Random(seed), 3, graph.inputSize());
            double[][] ort = run(model.bytes(), x, graph.inputShape(), false);
            double error = Fixtures.maxRelativeError(graph.evaluate(x), ort);
            assertTrue(error <= TOLERANCE, "seed " + seed + " " + model.description() + ": max relative error "
                    + error + "\n" + graph);
        }));
    }

    @Test
    void qcdqArgmaxEqualsOptimizedOnnxRuntimeOnEveryRow() throws OrtException {
        byte[] model = Fixtures.bytes("qcdq_digits.onnx");
        OnnxGraph graph = OnnxGraph.load(model);
        double[][] x = Fixtures.inputs("qcdq_digits");
        double[][] ort = run(model, x, graph.inputShape(), true);
        double[][] ours = graph.evaluate(x);
        for (int r = 0; r < x.length; r++) {
            assertEquals(FixtureTest.argmax(ort[r]), FixtureTest.argmax(ours[r]), "row " + r);
        }
    }

    static double[][] randomRows(Random rnd, int rows, int size) {
        double[][] x = new double[rows][size];
        for (double[] row : x) {
            for (int i = 0; i < size; i++) {
                row[i] = (float) (rnd.nextGaussian() * 1.5);
            }
        }
        return x;
    }

    /** Runs ONNX Runtime on all rows at once (batch = rows) and returns its output rows. */
    static double[][] run(byte[] model, double[][] x, int[] sampleShape, boolean optimized) throws OrtException {
        int size = x[0].length;
        FloatBuffer input = FloatBuffer.allocate(x.length * size);
        for (double[] row : x) {
            for (double v : row) {
                input.put((float) v);
            }
        }
        input.flip();
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = x.length;
        for (int d = 0; d < sampleShape.length; d++) {
            shape[d + 1] = sampleShape[d];
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(optimized ? OrtSession.SessionOptions.OptLevel.ALL_OPT
                    : OrtSession.SessionOptions.OptLevel.NO_OPT);
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model, options);
                    OnnxTensor tensor = OnnxTensor.createTensor(env, input, shape);
                    OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
                OnnxTensor out = (OnnxTensor) result.get(0);
                FloatBuffer values = out.getFloatBuffer();
                int perRow = values.remaining() / x.length;
                double[][] rows = new double[x.length][perRow];
                for (int r = 0; r < x.length; r++) {
                    for (int i = 0; i < perRow; i++) {
                        rows[r][i] = values.get(r * perRow + i);
                    }
                }
                return rows;
            }
        }
    }
}

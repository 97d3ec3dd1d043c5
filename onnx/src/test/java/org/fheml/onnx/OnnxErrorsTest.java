package org.fheml.onnx;

import static org.fheml.onnx.OnnxWriter.Attribute.i;
import static org.fheml.onnx.OnnxWriter.Attribute.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each way a model or its data can be unusable gives a typed error that names what to change. */
class OnnxErrorsTest {

    /** x [N, 4] -> opType -> y, with the given attributes. */
    private static byte[] single(String opType, OnnxWriter.Attribute... attributes) {
        OnnxWriter w = new OnnxWriter(17).input("x", "N", 4);
        String y = w.node(opType, List.of("x"), attributes);
        w.output(y);
        return w.build();
    }

    @Test
    void anUnknownOpIsRefusedNamingTheNodeAndOpType() {
        UnsupportedOnnxException e = assertThrows(UnsupportedOnnxException.class,
                () -> OnnxGraph.load(single("Hardmax")));
        assertEquals("Hardmax", e.opType());
        assertTrue(e.nodeName().startsWith("Hardmax_"), e.nodeName());
        assertTrue(e.getMessage().contains("unknown op type"), e.getMessage());
    }

    @Test
    void controlFlowIsRefused() {
        OnnxWriter w = new OnnxWriter(17).input("x", "N", 4);
        String cond = w.initializer(ElementType.BOOL, new int[0], 1);
        String y = w.node("If", List.of(cond), OnnxWriter.Attribute.graph("then_branch"),
                OnnxWriter.Attribute.graph("else_branch"));
        w.output(y);
        UnsupportedOnnxException e = assertThrows(UnsupportedOnnxException.class, () -> OnnxGraph.load(w.build()));
        assertEquals("If", e.opType());
        assertTrue(e.unsupported().contains("control flow"), e.getMessage());
    }

    @Test
    void anUnknownAttributeAndAnUnsupportedAttributeValueAreRefused() {
        UnsupportedOnnxException unknown = assertThrows(UnsupportedOnnxException.class,
                () -> OnnxGraph.load(single("Relu", i("fused", 1))));
        assertTrue(unknown.unsupported().contains("attribute 'fused'"), unknown.getMessage());

        OnnxWriter w = new OnnxWriter(17).input("x", "N", 1, 6, 6);
        w.output(w.node("MaxPool", List.of("x"), ints("kernel_shape", 2, 2), i("ceil_mode", 1)));
        UnsupportedOnnxException ceil = assertThrows(UnsupportedOnnxException.class, () -> OnnxGraph.load(w.build()));
        assertEquals("MaxPool", ceil.opType());
        assertTrue(ceil.unsupported().contains("ceil_mode=1"), ceil.getMessage());
    }

    @Test
    void opsetsOutsideThirteenToTwentyOneAreRefused() {
        for (int opset : new int[] {12, 22}) {
            OnnxWriter w = new OnnxWriter(opset).input("x", "N", 4);
            w.output(w.node("Relu", List.of("x")));
            UnsupportedOnnxException e = assertThrows(UnsupportedOnnxException.class, () -> OnnxGraph.load(w.build()));
            assertTrue(e.getMessage().contains("opset version " + opset), e.getMessage());
        }
    }

    @Test
    void opsThatWouldMixTheSamplesOfABatchAreRefused() {
        OnnxWriter t = new OnnxWriter(17).input("x", "N", 4);
        t.output(t.node("Transpose", List.of("x"), ints("perm", 1, 0)));
        assertTrue(assertThrows(UnsupportedOnnxException.class, () -> OnnxGraph.load(t.build())).getMessage()
                .contains("moves the batch dimension"));

        OnnxWriter r = new OnnxWriter(17).input("x", "N", 4);
        r.output(r.node("Reshape", List.of("x", r.longs(2, -1))));
        assertTrue(assertThrows(UnsupportedOnnxException.class, () -> OnnxGraph.load(r.build())).getMessage()
                .contains("changes the batch dimension"));

        OnnxWriter s = new OnnxWriter(17).input("x", "N", 4);
        String soft = s.node("Softmax", List.of("x"), i("axis", 1));
        s.output(s.node("Relu", List.of(soft)));
        UnsupportedOnnxException e = assertThrows(UnsupportedOnnxException.class, () -> OnnxGraph.load(s.build()));
        assertEquals("Softmax", e.opType());
        assertTrue(e.unsupported().contains("before the last op"), e.getMessage());
    }

    @Test
    void aCorruptFileGivesAFormatError() {
        byte[] garbage = new byte[512];
        new Random(1).nextBytes(garbage);
        assertThrows(OnnxFormatException.class, () -> OnnxGraph.load(garbage));
        assertThrows(OnnxFormatException.class, () -> OnnxGraph.load(new byte[0]));
        assertThrows(OnnxFormatException.class,
                () -> OnnxGraph.load("this is not an ONNX model".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aLengthLargerThanTheFileGivesAFormatErrorWithoutAllocatingIt() {
        byte[] bytes = OnnxWriter.message(out -> {
            out.writeInt64(1, 8);
            out.writeTag(7, 2); // ModelProto.graph, length-delimited
            out.writeUInt32NoTag(Integer.MAX_VALUE);
            out.writeRawBytes(new byte[16]);
        });
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> OnnxGraph.load(bytes));
        assertTrue(e.getMessage().contains("ModelProto.graph"), e.getMessage());

        // a tensor whose dims promise far more values than its data holds
        OnnxWriter w = new OnnxWriter(17).input("x", "N", 4);
        String big = w.initializerWithClaimedDims(new int[] {4_000_000}, new double[] {1, 2, 3, 4});
        w.output(w.node("Add", List.of("x", big)));
        OnnxFormatException tensor = assertThrows(OnnxFormatException.class, () -> OnnxGraph.load(w.build()));
        assertTrue(tensor.getMessage().contains("need 4000000 values"), tensor.getMessage());
    }

    @Test
    void everyTruncationOfAModelGivesAFormatError() {
        byte[] model = Fixtures.bytes("mlp_relu.onnx");
        for (int length = 0; length < model.length; length++) {
            byte[] cut = Arrays.copyOf(model, length);
            OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> OnnxGraph.load(cut),
                    "truncated to " + length + " bytes");
            assertTrue(!e.getMessage().isBlank());
        }
    }

    @Test
    void randomCorruptionsGiveOnlyTypedErrors() {
        byte[] model = Fixtures.bytes("cnn_digits.onnx");
        Random rnd = new Random(7);
        int typed = 0;
        for (int trial = 0; trial < 2000; trial++) {
            byte[] bad = model.clone();
            int flips = 1 + rnd.nextInt(4);
            for (int k = 0; k < flips; k++) {
                bad[rnd.nextInt(bad.length)] = (byte) rnd.nextInt(256);
            }
            try {
                OnnxGraph g = OnnxGraph.load(bad);
                g.evaluate(new double[][] {new double[g.inputSize()]});
            } catch (OnnxException e) {
                typed++;
            }
        }
        // any other exception fails the test; most corruptions are caught, some hit weights and still load
        assertTrue(typed > 0, "no corruption was detected");
    }

    @Test
    void dataWhoseShapeDoesNotMatchTheInputIsRefusedNamingTheRow() {
        OnnxGraph graph = Fixtures.graph("cnn_digits");
        double[][] x = {new double[64], new double[10]};
        OnnxInputException e = assertThrows(OnnxInputException.class, () -> graph.evaluate(x));
        assertTrue(e.getMessage().contains("row 1 has 10 values"), e.getMessage());
        assertTrue(e.getMessage().contains("[1, 8, 8]"), e.getMessage());
    }

    @Test
    void aFileWhoseInputShapeDoesNotMatchItsWeightsIsRefusedAtLoad() {
        OnnxWriter w = new OnnxWriter(17).input("x", "N", 10);
        String weight = w.floats(new int[] {8, 3}, new double[24]);
        w.output(w.node("Gemm", List.of("x", weight)));
        OnnxShapeException e = assertThrows(OnnxShapeException.class, () -> OnnxGraph.load(w.build()));
        assertEquals("Gemm", e.opType());
        assertTrue(e.getMessage().contains("[1, 10]"), e.getMessage());
    }

    @Test
    void aSymbolicDimensionAfterTheBatchCannotBeResolved() {
        OnnxWriter w = new OnnxWriter(17).input("x", "N", "features");
        w.output(w.node("Relu", List.of("x")));
        OnnxShapeException e = assertThrows(OnnxShapeException.class, () -> OnnxGraph.load(w.build()));
        assertTrue(e.getMessage().contains("symbolic ('features')"), e.getMessage());
    }

    @Test
    void aStreamIsReadToItsEnd() {
        byte[] model = Fixtures.bytes("mlp_relu.onnx");
        OnnxGraph g = OnnxGraph.load(new ByteArrayInputStream(model));
        assertEquals(3, g.nodes().size());
    }
}

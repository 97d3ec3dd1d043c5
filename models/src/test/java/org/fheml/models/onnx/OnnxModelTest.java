package org.fheml.models.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.onnx.OnnxFormatException;
import org.fheml.onnx.OnnxInputException;
import org.fheml.onnx.UnsupportedOnnxException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** OnnxModel: the fixtures compiled, run in every mode through the one pipeline, against the float graph. */
class OnnxModelTest {

    static final java.util.List<String> MAPPED = OnnxFixtures.MAPPED;

    @ParameterizedTest
    @FieldSource("MAPPED")
    void disableEqualsSimulateOnEveryRow(String name) {
        OnnxModel m = OnnxFixtures.model(name);
        double[][] x = OnnxFixtures.inputs(name);
        m.compile(x);
        m.setSimulateBootstrapErrors(false);
        double[][] disable = m.forward(x, FheMode.DISABLE);
        double[][] simulate = m.forward(x, FheMode.SIMULATE);
        for (int r = 0; r < x.length; r++) {
            assertArrayEquals(disable[r], simulate[r], 0, name + " row " + r);
        }
        assertTrue(m.module().lookupsPerRow() > 0, name);
    }

    /** One fixture per family in the default suite: an MLP, a QCDQ network, a BatchNorm network. */
    @ParameterizedTest
    @ValueSource(strings = {"mlp_relu", "qcdq_digits", "bn_mlp"})
    void executeEqualsDisableOnFiveRows(String name) {
        executeEqualsDisable(name);
    }

    /** Every other fixture (layout ops and the BatchNorm CNN included). */
    @ParameterizedTest
    @FieldSource("SLOW_EXECUTE")
    @org.junit.jupiter.api.Tag("slow")
    void executeEqualsDisableOnFiveRowsOfEveryOtherFixture(String name) {
        executeEqualsDisable(name);
    }

    static final java.util.List<String> SLOW_EXECUTE = MAPPED.stream()
            .filter(n -> !java.util.List.of("mlp_relu", "qcdq_digits", "bn_mlp", "cnn_digits").contains(n)).toList();

    private static void executeEqualsDisable(String name) {
        // narrow enough for keys that fit a test heap; QCDQ keeps its own 4-bit widths
        OnnxModel m = OnnxFixtures.model(name).setNBits(3).setRoundingThresholdBits(4);
        double[][] x = OnnxFixtures.inputs(name);
        m.compile(x);
        double[][] five = Arrays.copyOf(x, 5);
        double[][] disable = m.forward(five, FheMode.DISABLE);
        double[][] execute = m.forward(five, FheMode.EXECUTE);
        for (int r = 0; r < five.length; r++) {
            assertArrayEquals(disable[r], execute[r], 0, name + " row " + r);
        }
    }

    @Test
    void qcdqDisableArgmaxEqualsOnnxRuntime() {
        OnnxModel m = OnnxFixtures.model("qcdq_digits");
        assertTrue(m.isQuantizationAware());
        double[][] x = OnnxFixtures.inputs("qcdq_digits");
        // exact integer semantics: no rounding of the accumulators (the lookups then read 14 bits)
        m.setRoundingThresholdBits(0).compile(OnnxFixtures.digits().features());
        assertArrayEquals(OnnxFixtures.argmax(OnnxFixtures.ortOutputs("qcdq_digits")),
                m.predict(x, FheMode.DISABLE));
    }

    @Test
    void cnnPostTrainingAtEightBitsIsWithinOnePointOfTheFloatGraph() {
        ClassificationDataset d = OnnxFixtures.digits();
        OnnxModel m = OnnxFixtures.model("cnn_digits").setNBits(8);
        m.compile(Arrays.copyOf(d.features(), 300));
        double floatAccuracy = OnnxFixtures.accuracy(OnnxFixtures.argmax(m.evaluate(d.features())), d.labels());
        double quantized = OnnxFixtures.accuracy(m.predict(d.features(), FheMode.DISABLE), d.labels());
        assertTrue(floatAccuracy > 0.9, "float " + floatAccuracy);
        assertTrue(quantized >= floatAccuracy - 0.01, "float " + floatAccuracy + ", 8 bits " + quantized);
    }

    @Test
    void perChannelScalesBeforeAPoolingAreRequantizedByOneLookupPerElement() {
        OnnxModel m = OnnxFixtures.model("bn_cnn");
        m.compile(OnnxFixtures.inputs("bn_cnn"));
        // after Conv 2→4 on 6×6 and ReLU, the BatchNormalization's per-channel scales: one table per element
        int tabulated = m.module().nodes().stream().filter(n -> n.op() instanceof org.fheml.quantization.TableOp)
                .mapToInt(n -> n.op().output().size()).sum();
        assertEquals(4 * 6 * 6, tabulated, m.module().toString());
    }

    @Test
    void anUnsupportedOpIsRefusedAtLoadNamingTheNode() {
        byte[] bytes = OnnxFixtures.bytes("qcdq_digits");
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).replace("Relu", "Relx");
        var e = assertThrows(UnsupportedOnnxException.class, () -> OnnxModel.load(new ByteArrayInputStream(
                text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))));
        assertEquals("Relx", e.opType());
        assertTrue(e.getMessage().contains("hr"), e.getMessage());
    }

    @Test
    void aCorruptFileIsRefused() {
        byte[] bytes = OnnxFixtures.bytes("mlp_relu");
        for (int i = 0; i < bytes.length; i += 7) {
            bytes[i] = (byte) 0xff;
        }
        assertThrows(OnnxFormatException.class, () -> OnnxModel.load(new ByteArrayInputStream(bytes)));
    }

    @Test
    void aTruncatedFileIsRefused() {
        byte[] bytes = OnnxFixtures.bytes("cnn_digits");
        assertThrows(OnnxFormatException.class,
                () -> OnnxModel.load(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length / 2))));
    }

    @Test
    void rowsOfTheWrongShapeAreRefusedNamingTheRow() {
        OnnxModel m = OnnxFixtures.model("cnn_digits");
        double[][] wrong = {new double[64], new double[63]};
        var e = assertThrows(OnnxInputException.class, () -> m.compile(wrong));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        assertThrows(OnnxInputException.class, () -> m.evaluate(wrong));
        m.compile(OnnxFixtures.inputs("cnn_digits"));
        assertThrows(OnnxInputException.class, () -> m.forward(wrong, FheMode.DISABLE));
    }

    @Test
    void forwardBeforeCompileSaysToCompile() {
        OnnxModel m = OnnxFixtures.model("mlp_relu");
        assertThrows(NotQuantizedException.class, () -> m.forward(OnnxFixtures.inputs("mlp_relu"), FheMode.DISABLE));
    }
}

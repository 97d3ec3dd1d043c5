package org.fheml.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** QuantizeLinear and DequantizeLinear follow ONNX's integer semantics exactly: half to even, then saturate. */
class QuantizeLinearTest {

    private static double[] quantize(ElementType type, double scale, double zeroPoint, double... x) {
        OnnxWriter w = new OnnxWriter(19).input("x", "N", x.length);
        w.output(w.node("QuantizeLinear", List.of("x", w.floats(new int[0], scale),
                w.initializer(type, new int[0], zeroPoint))));
        return OnnxGraph.load(w.build()).evaluate(new double[][] {x})[0];
    }

    @Test
    void tiesRoundToEvenAndResultsSaturate() {
        assertArrayEquals(new double[] {0, 2, 2, -2, -4, 4, 127, -128},
                quantize(ElementType.INT8, 1, 0, 0.5, 1.5, 2.5, -2.5, -3.5, 3.5, 1000, -1000));
        // uint8 with a zero point: 0.25 / 0.5 = 0.5 -> 0, then + 3; 0.75 / 0.5 = 1.5 -> 2; saturation at 0 and 255
        assertArrayEquals(new double[] {3, 5, 0, 255},
                quantize(ElementType.UINT8, 0.5, 3, 0.25, 0.75, -100, 1000));
    }

    @Test
    void qcdqClipsToFewerBitsAndDequantizes() {
        OnnxWriter w = new OnnxWriter(19).input("x", "N", 5);
        String scale = w.floats(new int[0], 0.25);
        String zp = w.initializer(ElementType.INT8, new int[0], 0);
        String q = w.node("QuantizeLinear", List.of("x", scale, zp));
        String c = w.node("Clip", List.of(q, w.initializer(ElementType.INT8, new int[0], -4),
                w.initializer(ElementType.INT8, new int[0], 3)));
        w.output(w.node("DequantizeLinear", List.of(c, scale, zp)));
        double[] out = OnnxGraph.load(w.build()).evaluate(new double[][] {{-5, -0.3, 0.125, 0.375, 2}})[0];
        assertArrayEquals(new double[] {-1, -0.25, 0, 0.5, 0.75}, out);
    }
}

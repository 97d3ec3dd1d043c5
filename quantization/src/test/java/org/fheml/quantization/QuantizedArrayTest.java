package org.fheml.quantization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuantizedArrayTest {

    @Test
    void calibratedValuesDequantizeWithinHalfAStep() {
        double[] reals = {-1.0, -0.25, 0.0, 0.5, 3.0};
        QuantizedArray q = QuantizedArray.calibrate(QuantizationOptions.unsigned(8), reals);
        assertEquals(0, q.values()[0]);
        assertEquals(255, q.values()[4]);
        double[] back = q.dequantize();
        for (int i = 0; i < reals.length; i++) {
            assertEquals(reals[i], back[i], q.quantizer().scale());
        }
    }

    @Test
    void integersOutsideTheQuantizersRangeAreRefused() {
        UniformQuantizer quantizer = new UniformQuantizer(QuantizationOptions.signed(4), 1.0, 0);
        assertThrows(IllegalArgumentException.class, () -> new QuantizedArray(new long[] {8}, quantizer));
        assertArrayEquals(new long[] {7, -8}, QuantizedArray.quantize(quantizer, new double[] {100, -100}).values());
    }
}

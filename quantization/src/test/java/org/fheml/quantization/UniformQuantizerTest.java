package org.fheml.quantization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class UniformQuantizerTest {

    @Test
    void asymmetricUnsignedMapsTheRangeOntoEveryInteger() {
        UniformQuantizer q = UniformQuantizer.fromRange(QuantizationOptions.unsigned(8), -1.0, 3.0);
        assertEquals(4.0 / 255, q.scale(), 1e-15);
        assertEquals(64, q.zeroPoint());
        assertEquals(0, q.quantize(-1.0));
        assertEquals(255, q.quantize(3.0));
        assertEquals(0, q.quantize(-7.0), "values below the range clip");
        assertEquals(0.0, q.dequantize(q.quantize(0.0)), 1e-15);
    }

    @Test
    void signedQuantizersCentreOnTheOffset() {
        QuantizationOptions options = QuantizationOptions.signed(4);
        assertEquals(-8, options.minInteger());
        assertEquals(7, options.maxInteger());
        UniformQuantizer q = UniformQuantizer.fromRange(options, 0.0, 15.0);
        assertEquals(1.0, q.scale(), 1e-15);
        assertEquals(-8, q.zeroPoint());
        assertEquals(7, q.quantize(15.0));
    }

    @Test
    void symmetricQuantizersHaveNoZeroPoint() {
        UniformQuantizer q = UniformQuantizer.fromRange(new QuantizationOptions(8, true, true, true), -2.0, 1.0);
        assertEquals(0, q.zeroPoint());
        assertEquals(2.0 / 127, q.scale(), 1e-15);
        assertEquals(-127, q.quantize(-5.0), "narrow range leaves -128 unused");
    }

    @Test
    void roundingIsHalfToEven() {
        UniformQuantizer q = new UniformQuantizer(QuantizationOptions.signed(8), 1.0, 0);
        assertEquals(2, q.quantize(2.5));
        assertEquals(4, q.quantize(3.5));
    }

    @Test
    void aConstantColumnGetsAUsableQuantizer() {
        UniformQuantizer q = UniformQuantizer.calibrate(QuantizationOptions.signed(8), 3.0, 3.0);
        assertEquals(3.0, q.dequantize(q.quantize(3.0)), 1e-12);
        UniformQuantizer zero = UniformQuantizer.calibrate(QuantizationOptions.signed(8), 0.0, 0.0);
        assertEquals(0.0, zero.dequantize(zero.quantize(0.0)));
    }

    @Test
    void symmetricUnsignedIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new QuantizationOptions(8, false, true, false));
    }

    @Test
    void nBitsFollowConcreteMl() {
        assertEquals(new NBits(3, 3, 5, 5), NBits.of(3));
        assertEquals(new NBits(8, 8, 8, 8), NBits.of(8));
        assertThrows(IllegalArgumentException.class, () -> new NBits(8, 8, 8, 4));
    }

    @Property
    void theRoundTripErrorIsAtMostHalfAStep(@ForAll @IntRange(min = 2, max = 12) int bits,
            @ForAll @DoubleRange(min = -100, max = 100) double a, @ForAll @DoubleRange(min = -100, max = 100) double b,
            @ForAll @DoubleRange(min = 0, max = 1) double t) {
        double min = Math.min(a, b);
        double max = Math.max(a, b);
        if (max - min < 1e-6) {
            return;
        }
        UniformQuantizer q = UniformQuantizer.fromRange(QuantizationOptions.signed(bits), min, max);
        double x = min + t * (max - min);
        // half a step from rounding x, and at most half a step more from rounding the zero point
        assertTrue(Math.abs(q.dequantize(q.quantize(x)) - x) <= q.scale() * (1 + 1e-9), () -> "x " + x + " with " + q);
    }
}

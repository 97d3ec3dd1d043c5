package org.fheml.tfhe.fft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The bit-level rounding against exact BigDecimal arithmetic. */
class TorusRoundingTest {

    @Property(tries = 3000)
    void matchesExactRoundingModTwoToThe64(@ForAll @DoubleRange(min = -1, max = 1) double fraction,
            @ForAll @IntRange(min = 0, max = 120) int scale) {
        double v = Math.scalb(fraction, scale);
        assertEquals(reference(v), TorusRounding.roundToTorus(v), "v=" + v);
    }

    @Test
    void edgeCases() {
        for (double v : new double[] {0.5, 1.5, -0.5, -2.5, 0x1p63, -0x1p63, 0x1p64, 0x1p64 + 0x1p12, -0x1p100,
                0x1.fffffffffffffp62, 4503599627370495.5}) {
            assertEquals(reference(v), TorusRounding.roundToTorus(v), "v=" + v);
        }
    }

    private static long reference(double v) {
        BigInteger rounded = new BigDecimal(v).setScale(0, RoundingMode.HALF_EVEN).toBigInteger();
        return rounded.mod(BigInteger.ONE.shiftLeft(64)).longValue();
    }
}

package org.fheml.tfhe.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SecurityLevelTest {

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void matchesConcretesWorkedValues() {
        assertEquals(-10.48, SecurityLevel.BITS_128.log2MinimalStd(512), 0.005);
        assertEquals(-20.91, SecurityLevel.BITS_128.log2MinimalStd(918), 0.005);
        assertEquals(-49.95, SecurityLevel.BITS_128.log2MinimalStd(2048), 0.005);
        assertEquals(-48.32, SecurityLevel.BITS_132.log2MinimalStd(2048), 0.005);
    }

    @Test
    void theFloorIsTwoToTheMinus62() {
        assertEquals(2.168404344971009e-19, SecurityLevel.BITS_128.minimalStd(10 * (1 << 14)), 1e-30);
    }

    @Test
    void tooSmallADimensionIsNeverSecure() {
        assertEquals(1.0, SecurityLevel.BITS_128.minimalStd(449));
        assertEquals(0, SecurityLevel.securityBits(449, 1e-3));
    }

    @Test
    void tfheRsGaussianSetsSitOnThe132BitCurve() {
        assertEquals(log2(3.6158408373309336e-06), SecurityLevel.BITS_132.log2MinimalStd(833), 0.01);
        assertEquals(log2(2.845267479601915e-15), SecurityLevel.BITS_132.log2MinimalStd(2048), 0.01);
        assertEquals(132, SecurityLevel.securityBits(833, 3.6158408373309336e-06), 0.1);
    }

    @Property
    void securityBitsIsExactOnBothCurves(@ForAll @IntRange(min = 450, max = 2400) int n) {
        assertEquals(128, SecurityLevel.securityBits(n, SecurityLevel.BITS_128.minimalStd(n)), 1e-6);
        assertEquals(132, SecurityLevel.securityBits(n, SecurityLevel.BITS_132.minimalStd(n)), 1e-6);
    }

    @Property
    void lessNoiseMeansLessSecurity(@ForAll @IntRange(min = 450, max = 2400) int n) {
        double std = SecurityLevel.BITS_128.minimalStd(n);
        assertTrue(SecurityLevel.securityBits(n, std / 2) < 128);
        assertTrue(SecurityLevel.securityBits(n, std * 2) > 128);
    }

    @Test
    void unknownLevelsAreRejected() {
        assertEquals(SecurityLevel.BITS_132, SecurityLevel.ofBits(132));
        assertThrows(IllegalArgumentException.class, () -> SecurityLevel.ofBits(100));
    }
}

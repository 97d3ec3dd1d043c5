package org.fheml.tfhe.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fheml.tfhe.InvalidParameterException;
import org.fheml.tfhe.optimizer.SecurityLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TfheParametersTest {

    @Test
    void sizeTypesRejectInvalidValues() {
        assertThrows(InvalidParameterException.class, () -> new LweDimension(0));
        assertThrows(InvalidParameterException.class, () -> new GlweDimension(0));
        assertThrows(InvalidParameterException.class, () -> new PolynomialSize(1000));
        assertThrows(InvalidParameterException.class, () -> new PolynomialSize(1 << 18));
        assertThrows(InvalidParameterException.class, () -> new DecompositionBaseLog(0));
        assertThrows(InvalidParameterException.class, () -> new DecompositionBaseLog(64));
        assertThrows(InvalidParameterException.class, () -> new DecompositionLevelCount(0));
        assertEquals(10, new PolynomialSize(1024).log2());
        assertEquals(512, new PolynomialSize(1024).fourierSize());
        assertEquals(743, new LweDimension(742).lweSize());
    }

    @Test
    void decompositionsWiderThanTheTorusAreRejectedWithAHint() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> TfheParameters.of(600, 1, 1024, 1e-5, 1e-15, 23, 3, 4, 3));
        assertTrue(e.getMessage().contains("lower the base log"), e.getMessage());
    }

    @Test
    void noiseMustBeAFractionOfTheTorus() {
        assertThrows(InvalidParameterException.class, () -> TfheParameters.of(600, 1, 1024, 0, 1e-15, 23, 1, 4, 3));
        assertThrows(InvalidParameterException.class, () -> TfheParameters.of(600, 1, 1024, 1e-5, 0.7, 23, 1, 4, 3));
    }

    @Test
    void concreteSetsTakeTheirNoiseFromThe128BitCurve() {
        TfheParameters p4 = ParameterSet.concreteV0(4).parameters();
        assertEquals(801, p4.lweDimension().value());
        assertEquals(2048, p4.bigLweDimension().value());
        assertEquals(SecurityLevel.BITS_128.minimalStd(801), p4.lweNoiseStd());
        // tfhe-engine.md §1.1: k·N = 2048 gives log2 std = −49.95
        assertEquals(-49.95, Math.log(p4.glweNoiseStd()) / Math.log(2), 0.01);
        assertEquals(23, p4.pbsBaseLog().value());
        assertEquals(3, p4.ksLevels().value());
        assertEquals(4, p4.ksBaseLog().value());
    }

    @ParameterizedTest
    @EnumSource(ParameterSet.class)
    void insecureSetsSayItInTheirName(ParameterSet set) {
        assertEquals(!set.secure(), set.name().contains("INSECURE"));
        assertTrue(set.precision() >= 1);
        if (set.secure()) {
            int n = set.parameters().lweDimension().value();
            double securityBits = SecurityLevel.securityBits(n, set.parameters().lweNoiseStd());
            assertTrue(securityBits >= 127.9, set + " is at " + securityBits + " bits");
        }
    }

    @Test
    void setsAreFoundByName() {
        assertEquals(ParameterSet.TFHE_RS_2_2_G2M64, ParameterSet.named("tfhe-rs-2_2-g2m64"));
        assertFalse(ParameterSet.TFHE_LIB_GATE_INSECURE.secure());
        assertThrows(InvalidParameterException.class, () -> ParameterSet.named("nope"));
        assertThrows(InvalidParameterException.class, () -> ParameterSet.concreteV0(9));
    }
}

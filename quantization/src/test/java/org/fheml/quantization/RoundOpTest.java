package org.fheml.quantization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fheml.compilation.BitPatterns;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.Exactness;
import org.fheml.compilation.IntegerType;
import org.junit.jupiter.api.Test;

class RoundOpTest {

    private static final double[][] X = ModuleChecks.uniformRows(11, 80, 6, -1, 1);

    @Test
    void lsbsLeaveTheTargetWidth() {
        assertEquals(0, RoundOp.lsbsFor(-8, 7, 4));
        assertEquals(1, RoundOp.lsbsFor(-16, 14, 4));
        assertEquals(2, RoundOp.lsbsFor(-16, 15, 4), "15 rounds up to 16, a bit more than 4 at lsbs 1");
        for (long max = 1; max < 5000; max = max * 3 + 1) {
            int lsbs = RoundOp.lsbsFor(-max, max, 5);
            assertTrue(IntegerType.of(BitPatterns.round(-max, lsbs), BitPatterns.round(max, lsbs)).bits() - lsbs <= 5);
            if (lsbs > 0) {
                int fewer = lsbs - 1;
                assertTrue(IntegerType.of(BitPatterns.round(-max, fewer), BitPatterns.round(max, fewer)).bits()
                        - fewer > 5, "the fewest lsbs");
            }
        }
    }

    @Test
    void roundingMatchesTheCompilersBitPattern() {
        RoundOp round = new RoundOp(3, Exactness.EXACT, TensorQuantization.uniform(new int[] {5}, 1, 0));
        assertArrayEquals(new long[] {0, 8, 8, -8, 16}, round.evaluate(new long[] {3, 4, 11, -12, 12}));
    }

    /** Gemm → round → ReLU → Gemm: the lookup reads the target bits, and the circuit computes the integers. */
    @Test
    void aRoundedAccumulatorFeedsANarrowLookup() {
        QuantizedModule module = network(Exactness.EXACT);
        RoundOp round = (RoundOp) module.nodes().get(1).op();
        Circuit circuit = ModuleChecks.assertCircuitComputesTheIntegerProgram(module, X);
        assertTrue(circuit.statistics().bootstrapPrecision() <= 5, circuit.toString());
        int precision = circuit.statistics().bootstrapPrecision();
        int chunks = (round.lsbs() + precision - 1) / precision;
        assertTrue(round.lsbs() > precision && round.lsbs() % precision >= 3, "two chunks of 3 bits or more");
        assertEquals(5 + 5 * 2 * chunks, circuit.statistics().bootstrapCount(),
                "two bootstraps per chunk of up to the precision's bits, one lookup");
        assertEquals(5 + 5 * round.lsbs(), module.lookupsPerRow(), "the module's upper bound counts one per bit");
        ModuleChecks.assertWithin(0.6, ModuleChecks.worstError(module, X), "two 6-bit layers, 4-bit activations");
    }

    @Test
    void approximateRoundingCostsNoExtraBootstrap() {
        QuantizedModule module = network(Exactness.APPROXIMATE);
        Circuit circuit = module.compile(X, org.fheml.compilation.CompileOptions.defaults());
        assertTrue(circuit.statistics().bootstrapPrecision() <= 5, circuit.toString());
        assertEquals(5, circuit.statistics().bootstrapCount());
        for (double[] x : X) {
            long[] q = module.quantizeInput(x);
            assertArrayEquals(module.evaluate(q), circuit.evaluate(q), "the same value in the clear");
        }
    }

    private static QuantizedModule network(Exactness exactness) {
        QuantizedModuleBuilder b = QuantizedModule.postTraining(X, QuantizationOptions.signed(6), false);
        var acc = b.gemm(b.input(), ModuleChecks.matrix(12, 6, 5, 1), new double[5], QuantizationOptions.signed(6),
                false);
        assertTrue(b.boundsOf(acc).bits() > 8, "the accumulator is wide: " + b.boundsOf(acc).bits());
        var rounded = b.round(acc, 5, exactness);
        var h = b.activation(rounded, new Activation.Relu(), QuantizationOptions.unsigned(4));
        return b.build(b.gemm(h, ModuleChecks.matrix(13, 5, 2, 1), new double[] {0.1, -0.1},
                QuantizationOptions.signed(6), false));
    }
}

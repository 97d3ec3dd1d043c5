package org.fheml.models.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The integer program computes exactly Wq·(xq − zp) + bq, rounding, and the activation tables, by hand. */
class QuantizedMlpTest {

    /** 2 features → 2 hidden ReLU neurons (3-bit activations over [0, 7]) → 1 output. */
    private static QuantizedMlp tiny(int roundingLsbs) {
        FeatureScaling scaling = new FeatureScaling(new double[] {0, 0}, new double[] {3, 3});
        QuantParams input = QuantParams.unsigned(2, 1.0);
        QuantParams hiddenOut = QuantParams.unsigned(3, 7.0);
        QuantizedLayer hidden = new QuantizedLayer(new long[][] {{3, -2}, {-1, 1}}, new long[] {1, 0}, input,
                new double[] {1.0 / 3, 1.0 / 3}, new LayerOutput.Lookup(roundingLsbs, Activation.RELU, hiddenOut));
        QuantizedLayer output = new QuantizedLayer(new long[][] {{2, -3}}, new long[] {5}, hiddenOut,
                new double[] {0.5}, new LayerOutput.Dequantized());
        return new QuantizedMlp(scaling, input, List.of(hidden, output), 0);
    }

    @Test
    void evaluatesTheIntegerProgramByHand() {
        QuantizedMlp program = tiny(0);
        // x = (3, 1) scales to (1, 1/3), quantizes at 2 bits (scale 1/3) to (3, 1).
        assertArrayEquals(new long[] {3, 1}, program.quantizeInput(new double[] {3, 1}));
        // hidden acc: 3·3 − 2·1 + 1 = 8 → real 8/3 → relu 2.667 → q = rint(2.667) = 3; −3 + 1 + 0 = −2 → 0.
        // output acc: 2·3 − 3·0 + 5 = 11 → 5.5.
        assertArrayEquals(new long[] {11}, program.evaluate(new long[] {3, 1}));
        assertArrayEquals(new double[] {5.5}, program.predict(new double[][] {{3, 1}})[0]);
        assertEquals(2, program.lookupsPerRow());
    }

    @Test
    void boundsCoverEveryInputTheQuantizerCanProduce() {
        QuantizedLayer hidden = tiny(0).layers().get(0);
        // neuron 0: 3·[0,3] − 2·[0,3] + 1 → [−5, 10]; neuron 1: −[0,3] + [0,3] → [−3, 3].
        assertArrayEquals(new long[] {-5, -3}, hidden.accumulatorMin());
        assertArrayEquals(new long[] {10, 3}, hidden.accumulatorMax());
        assertEquals(5, hidden.accumulatorBits());
        QuantizedLayer output = tiny(0).layers().get(1);
        assertArrayEquals(new long[] {5 - 21}, output.accumulatorMin());
        assertArrayEquals(new long[] {5 + 14}, output.accumulatorMax());
    }

    @Test
    void roundingBeforeTheLookupDropsLowBitsHalfUp() {
        QuantizedMlp program = tiny(1);
        QuantizedLayer hidden = program.layers().get(0);
        // acc 8 rounds to 4 units of 2 → real 4·2/3 = 2.667 → 3 (as without rounding); acc range [−5, 10] → [−2, 5].
        assertEquals(-2, hidden.roundedMin(0));
        assertEquals(8, hidden.lookupTable(0).length);
        assertEquals(4, hidden.lookupBits());
        assertArrayEquals(new long[] {11}, program.evaluate(new long[] {3, 1}));
        // x = (2, 1): acc 3·2 − 2 + 1 = 5 rounds half up to 3 units → real 2 → q 2; output 2·2 + 5 = 9.
        assertArrayEquals(new long[] {9}, program.evaluate(new long[] {2, 1}));
    }

    @Test
    void rejectsInputsOutsideTheQuantizer() {
        assertThrows(IllegalArgumentException.class, () -> tiny(0).evaluate(new long[] {4, 0}));
        assertThrows(IllegalArgumentException.class, () -> tiny(0).evaluate(new long[] {1}));
    }

    @Test
    void tablesAreTheActivationRequantized() {
        QuantizedLayer hidden = tiny(0).layers().get(0);
        long[] table = hidden.lookupTable(0);
        for (int k = 0; k < table.length; k++) {
            long acc = hidden.roundedMin(0) + k;
            assertEquals(Math.max(0, Math.min(7, Math.rint(Math.max(0, acc / 3.0)))), table[k], "acc " + acc);
        }
    }
}

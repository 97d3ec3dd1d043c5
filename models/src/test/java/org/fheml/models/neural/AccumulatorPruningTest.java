package org.fheml.models.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AccumulatorPruningTest {

    private static MlpSettings settings(int accumulatorBits, int roundingBits, long seed) {
        return new MlpSettings(new int[] {12}, Activation.RELU, 3, 3, 3, accumulatorBits, roundingBits, 1, 8, 0.01,
                0, seed, TrainingMode.QAT, WeightScaling.PER_NEURON);
    }

    @Property(tries = 40)
    void everyNeuronFitsAfterPruningAndKeepsItsLargestWeight(@ForAll @IntRange(min = 6, max = 10) int bits,
            @ForAll @IntRange(min = 2, max = 6) int rounding, @ForAll @IntRange(min = 1, max = 1000) int seed) {
        MlpSettings settings = settings(bits, rounding, seed);
        NetworkState state = new NetworkState(settings.layerSizes(40, 3), Activation.RELU, new SplittableRandom(seed));
        for (int l = 0; l < state.layers(); l++) {
            for (int o = 0; o < state.b[l].length; o++) {
                state.b[l][o] = (o % 3 - 1) * 0.5;
            }
        }
        int[][] strongest = strongest(state);
        int removed = AccumulatorPruning.enforce(state, settings);
        assertEquals(removed, state.prunedWeights());
        long high = AccumulatorPruning.upperLimit(bits, rounding);
        for (int l = 0; l < state.layers(); l++) {
            LayerQuantization q = LayerQuantization.of(state, settings, l);
            for (int o = 0; o < q.out; o++) {
                assertTrue(q.accMin[o] >= -(1L << (bits - 1)) && q.accMax[o] <= high,
                        "layer " + l + " neuron " + o + ": [" + q.accMin[o] + ", " + q.accMax[o] + "]");
                assertTrue(state.kept[l][o * q.in + strongest[l][o]], "the largest weight fixes the scale");
            }
        }
    }

    @Test
    void fortyInputsOfThreeBitsCannotFitEightBitsWithoutPruning() {
        MlpSettings settings = settings(8, 6, 7);
        NetworkState state = new NetworkState(settings.layerSizes(40, 3), Activation.RELU, new SplittableRandom(7));
        assertTrue(AccumulatorPruning.enforce(state, settings) > 0);
        assertEquals(0, AccumulatorPruning.enforce(state, settings), "a second pass finds nothing to prune");
    }

    @Test
    void theUpperLimitLeavesRoomForRoundingNotToCarry() {
        assertEquals(125, AccumulatorPruning.upperLimit(8, 6));
        assertEquals(31, IntegerRanges.round(125, 2));
        assertEquals(32, IntegerRanges.round(126, 2));
        assertEquals(127, AccumulatorPruning.upperLimit(8, 0));
        assertEquals(127, AccumulatorPruning.upperLimit(8, 8));
    }

    private static int[][] strongest(NetworkState state) {
        int[][] out = new int[state.layers()][];
        for (int l = 0; l < state.layers(); l++) {
            int in = state.sizes[l];
            out[l] = new int[state.sizes[l + 1]];
            for (int o = 0; o < out[l].length; o++) {
                int best = 0;
                for (int i = 1; i < in; i++) {
                    if (Math.abs(state.w[l][o * in + i]) > Math.abs(state.w[l][o * in + best])) {
                        best = i;
                    }
                }
                out[l][o] = best;
            }
        }
        return out;
    }
}

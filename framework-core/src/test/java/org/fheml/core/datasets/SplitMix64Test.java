package org.fheml.core.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void matchesTheReferenceSequence() {
        SplitMix64 random = new SplitMix64(0);
        assertEquals(0xE220A8397B1DCDAFL, random.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, random.nextLong());
        assertEquals(0x06C45D188009454FL, random.nextLong());
    }

    @Test
    void rejectsANonPositiveBound() {
        assertThrows(IllegalArgumentException.class, () -> new SplitMix64(1).nextInt(0));
    }

    @Test
    void boundedDrawsCoverTheRangeEvenly() {
        SplitMix64 random = new SplitMix64(7);
        int[] counts = new int[6];
        for (int i = 0; i < 60_000; i++) {
            counts[random.nextInt(6)]++;
        }
        for (int count : counts) {
            assertTrue(Math.abs(count - 10_000) < 500, Arrays.toString(counts));
        }
    }

    @Property(tries = 200)
    void shuffleIsAPermutation(@ForAll @IntRange(min = 0, max = 200) int size, @ForAll long seed) {
        int[] values = IntStream.range(0, size).toArray();
        new SplitMix64(seed).shuffle(values);
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        assertTrue(Arrays.equals(IntStream.range(0, size).toArray(), sorted));
    }
}

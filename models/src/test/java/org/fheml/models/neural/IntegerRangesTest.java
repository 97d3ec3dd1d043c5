package org.fheml.models.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class IntegerRangesTest {

    @Property
    void roundingIsFloorOfHalfUpAndWithinHalfAUnit(@ForAll @LongRange(min = -100_000, max = 100_000) long acc,
            @ForAll @IntRange(min = 0, max = 12) int lsbs) {
        long r = IntegerRanges.round(acc, lsbs);
        long unit = 1L << lsbs;
        assertEquals(Math.floorDiv(acc + unit / 2, unit), r);
        assertTrue(Math.abs(r * unit - acc) <= unit / 2, () -> acc + " rounded to " + r + " units of " + unit);
    }

    @Property
    void signedBitsIsTheSmallestWidthThatHoldsTheRange(@ForAll @LongRange(min = -5000, max = 5000) long a,
            @ForAll @LongRange(min = -5000, max = 5000) long b) {
        long min = Math.min(a, b);
        long max = Math.max(a, b);
        int p = IntegerRanges.signedBits(min, max);
        assertTrue(min >= -(1L << (p - 1)) && max <= (1L << (p - 1)) - 1);
        if (p > 1) {
            assertTrue(min < -(1L << (p - 2)) || max > (1L << (p - 2)) - 1, "a narrower width would do");
        }
    }

    @Test
    void roundingCanCarryIntoANewTopBit() {
        assertEquals(7, IntegerRanges.signedBits(IntegerRanges.round(-128, 2), IntegerRanges.round(127, 2)));
        assertEquals(32, IntegerRanges.round(127, 2));
        assertEquals(-32, IntegerRanges.round(-128, 2));
    }
}

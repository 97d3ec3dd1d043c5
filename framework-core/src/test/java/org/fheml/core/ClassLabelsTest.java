package org.fheml.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ClassLabelsTest {

    @Test
    void distinctLabelsAreSortedAndIndicesFollowThem() {
        int[] y = {7, -1, 7, 3, -1};
        int[] classes = ClassLabels.distinct(y);
        assertArrayEquals(new int[] {-1, 3, 7}, classes);
        assertArrayEquals(new int[] {2, 0, 2, 1, 0}, ClassLabels.toIndices(y, classes));
    }

    @Test
    void anUnknownLabelIsRejected() {
        assertThrows(InvalidInputException.class, () -> ClassLabels.toIndices(new int[] {1, 5}, new int[] {1, 2}));
    }

    @Property
    void indicesRoundTripToLabels(@ForAll @Size(min = 1, max = 50) int[] y) {
        int[] classes = ClassLabels.distinct(y);
        assertArrayEquals(y, ClassLabels.toLabels(ClassLabels.toIndices(y, classes), classes));
    }

    @Property
    void everyIndexIsInRange(@ForAll @Size(min = 1, max = 50) List<@IntRange(min = -3, max = 3) Integer> values) {
        int[] y = values.stream().mapToInt(Integer::intValue).toArray();
        int[] classes = ClassLabels.distinct(y);
        if (classes.length > 7) {
            throw new AssertionError("labels in -3..3 give at most 7 classes, got " + classes.length);
        }
        for (int index : ClassLabels.toIndices(y, classes)) {
            if (index < 0 || index >= classes.length) {
                throw new AssertionError("index " + index + " outside 0.." + (classes.length - 1));
            }
        }
    }
}

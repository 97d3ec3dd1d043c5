package org.fheml.compilation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Random small programs: the compiled circuit agrees with plain Java, and its bounds hold for every input. */
class RandomProgramTest {

    @Property(tries = 200)
    void circuitsAgreeWithPlainJavaAndStayWithinTheirBounds(@ForAll long seed) {
        RandomProgram program = RandomProgram.generate(seed, 4);
        Circuit circuit = program.compile();
        Graph graph = circuit.graph();
        Node output = graph.outputs().getFirst();
        for (long[] x : program.allInputs()) {
            long[] expected = program.evaluatePlain(x);
            assertArrayEquals(expected, circuit.evaluate(x), program::toString);
            assertArrayEquals(expected, circuit.simulate(x), program::toString);
            for (long v : expected) {
                assertTrue(v >= graph.bounds(output).min() && v <= graph.bounds(output).max(),
                        () -> v + " outside the bounds of " + program);
                assertTrue(v >= graph.measuredRange(output).min() && v <= graph.measuredRange(output).max(),
                        () -> v + " outside the measured range of " + program);
            }
        }
    }
}

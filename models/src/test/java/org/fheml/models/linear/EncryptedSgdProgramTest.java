package org.fheml.models.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CircuitParameters;
import org.fheml.compilation.CompileOptions;
import org.junit.jupiter.api.Test;

/** The training iteration written in Java (DISABLE) and traced into a circuit compute the same integers. */
class EncryptedSgdProgramTest {

    @Test
    void theCircuitComputesTheJavaIterationOnRandomArgumentsOverTheirFullRange() {
        EncryptedSgdProgram program = new EncryptedSgdProgram(8, 8);
        Circuit circuit = program.compile(CompileOptions.defaults());
        System.out.println(circuit.statistics());
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            long[] x = new long[64];
            long[] y = new long[8];
            long[] w = new long[9];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextInt(-3, 4);
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = random.nextInt(2);
            }
            for (int i = 0; i < w.length; i++) {
                w[i] = random.nextLong(program.lowestWeight(), program.highestWeight() + 1);
            }
            long[] expected = program.step(x, y, w);
            assertArrayEquals(expected, circuit.evaluate(x, y, w), "trial " + trial);
            assertArrayEquals(expected, circuit.simulate(x, y, w), "trial " + trial);
            for (long v : expected) {
                assertTrue(v >= program.lowestWeight() && v <= program.highestWeight(), "weight " + v);
            }
        }
    }

    @Test
    void theIterationReadsFiveBitLookups() {
        Circuit circuit = new EncryptedSgdProgram(8, 8).compile(CompileOptions.defaults());
        CircuitParameters.Bootstrapped parameters = (CircuitParameters.Bootstrapped) circuit.parameters();
        assertEquals(5, parameters.pbsPrecision(), circuit.statistics().toString());
    }
}

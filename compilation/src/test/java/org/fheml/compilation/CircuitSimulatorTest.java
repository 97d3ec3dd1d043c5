package org.fheml.compilation;

import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CircuitSimulatorTest {

    private static Circuit relu(CompileOptions options) {
        return Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").multiply(3).relu().add(in.get("x")))
                .compile(new long[][] {{-4}, {3}}, options);
    }

    @Test
    void withoutErrorsTheLoweringGivesTheProgramsValues() {
        Circuit circuit = relu(CompileOptions.defaults());
        for (long x = -4; x <= 3; x++) {
            assertArrayEquals(circuit.evaluate(new long[] {x}), circuit.simulate(new long[] {x}), "x = " + x);
        }
    }

    @Test
    void randomProgramsSimulateLikeTheyEvaluate() {
        SplittableRandom seeds = new SplittableRandom(7);
        int simulated = 0;
        for (int attempt = 0; attempt < 200 && simulated < 30; attempt++) {
            RandomProgram program = RandomProgram.generate(seeds.nextLong(), 3);
            Circuit circuit = program.compile(CompileOptions.defaults().withPError(0x1p-20));
            if (!(circuit.parameters() instanceof CircuitParameters.Bootstrapped)) {
                continue;
            }
            for (long[] x : program.allInputs()) {
                assertArrayEquals(program.evaluatePlain(x), circuit.simulate(x), program::toString);
            }
            simulated++;
        }
        assertEquals(30, simulated);
    }

    @Test
    void errorsAppearAtTheParametersFailureRate() {
        Circuit circuit = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").apply(v -> 10 * v))
                .compile(new long[][] {{0}, {7}}, CompileOptions.defaults().withPError(0.05));
        double pError = ((CircuitParameters.Bootstrapped) circuit.parameters()).pbs().pError();
        SplittableRandom random = new SplittableRandom(3);
        int wrong = 0;
        int trials = 20000;
        for (int i = 0; i < trials; i++) {
            long x = 1 + i % 6;
            long y = circuit.simulate(random, new long[] {x})[0];
            if (y != 10 * x) {
                wrong++;
                assertTrue(y == 10 * (x - 1) || y == 10 * (x + 1), "an error is one message off, got " + y);
            }
        }
        double rate = (double) wrong / trials;
        assertEquals(pError, rate, 5 * Math.sqrt(pError / trials) + 1e-3, "measured " + rate + ", p_error " + pError);
    }
}

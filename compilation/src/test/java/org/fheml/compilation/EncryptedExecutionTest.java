package org.fheml.compilation;

import static org.fheml.compilation.Encryption.CLEAR;
import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Circuits without bootstraps run on ciphertexts and decrypt to exactly what they compute in the clear. */
class EncryptedExecutionTest {

    @Property(tries = 40)
    void randomLeveledProgramsAgreeInPlainJavaSimulationAndEncryption(@ForAll long seed) {
        RandomProgram program = RandomProgram.generate(seed, 4);
        if (program.steps.stream().anyMatch(s -> s instanceof RandomProgram.Step.Table
                || s instanceof RandomProgram.Step.Relu || s instanceof RandomProgram.Step.Round
                || s instanceof RandomProgram.Step.Truncate)) {
            return;
        }
        Circuit circuit = program.compile();
        long[][] inputs = program.allInputs();
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 3; trial++) {
            long[] x = inputs[random.nextInt(inputs.length)];
            long[] expected = program.evaluatePlain(x);
            assertArrayEquals(expected, circuit.simulate(x), program::toString);
            assertArrayEquals(expected, circuit.encryptRunDecrypt(x), program::toString);
        }
    }

    @Test
    void tensorOpsRunOnCiphertexts() {
        Map<String, Encryption> inputs = new LinkedHashMap<>();
        inputs.put("x", ENCRYPTED);
        inputs.put("c", CLEAR);
        Circuit circuit = Compiler.ofOutputs(inputs, in -> {
            Tracer x = in.get("x");
            Tracer m = x.reshape(2, 3);
            Tracer mixed = Tracer.concatenate(0, m.transpose().sum(1), m.index(1).slice(0, 2), Tracer.constant(new long[] {7}));
            return List.of(mixed.multiply(in.get("c")).subtract(3), x.sum().negate(),
                    Tracer.constant(new long[][] {{1, -1}, {2, 0}}).matmul(m.slice(new int[] {0, 0}, new int[] {2, 2},
                            new int[] {1, 1})).sum(0));
        }).inputShape("x", 6).inputShape("c").inputRange("x", InputRange.of(0, 7)).inputRange("c", InputRange.of(-1, 3))
                .compile(new long[][][] {
                {{0, 1, 2, 3, 4, 5}, {2}}, {{5, 4, 3, 2, 1, 0}, {-1}}, {{7, 7, 7, 7, 7, 7}, {3}}});
        long[] x = {3, 1, 4, 1, 5, 2};
        long[] c = {2};
        assertArrayEquals(circuit.evaluate(x, c), circuit.encryptRunDecrypt(x, c));
    }

    @Test
    void theServerSideRunsWithoutTheKeyAndCiphertextsHideTheInput() {
        Circuit circuit = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").add(1)).compile(new long[][] {{0}, {15}});
        EncryptedValues once = circuit.encrypt(new long[] {5});
        EncryptedValues twice = circuit.encrypt(new long[] {5});
        long[] first = ((EncryptedTensor) once.values().getFirst()).ciphertexts().data();
        long[] second = ((EncryptedTensor) twice.values().getFirst()).ciphertexts().data();
        assertNotEquals(first[0], second[0], "fresh masks make two encryptions of one value differ");
        assertArrayEquals(new long[] {6}, circuit.decrypt(circuit.run(once)));
    }

    @Test
    void wideAccumulatorsGetALargerSecureDimension() {
        Circuit narrow = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").add(1)).compile(new long[][] {{0}, {3}});
        Circuit wide = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").dot(new long[] {1000, -1000, 999}))
                .compile(new long[][] {{0, 0, 0}, {255, 255, 255}});
        CircuitParameters.Leveled small = (CircuitParameters.Leveled) narrow.parameters();
        CircuitParameters.Leveled large = (CircuitParameters.Leveled) wide.parameters();
        assertTrue(large.lwe().lweDimension() > small.lwe().lweDimension());
        assertTrue(large.encodingBits() >= 19);
        assertEquals(255 * 1000 - 0 + 999 * 255, wide.encryptRunDecrypt(new long[] {255, 0, 255})[0]);
    }

    /**
     * Random programs with tables, relu, rounding and truncation: the first four whose lookups read at most 5 bits
     * (to keep key generation short) must give the same outputs in plain Java, simulate and encrypted execution.
     */
    @Test
    void randomProgramsWithLookupsAgreeWhenEncrypted() {
        SplittableRandom seeds = new SplittableRandom(2024);
        int executed = 0;
        for (int attempt = 0; attempt < 500 && executed < 4; attempt++) {
            RandomProgram program = RandomProgram.generate(seeds.nextLong(), 3);
            Circuit circuit = program.compile(CompileOptions.defaults().withPError(0x1p-20));
            if (!(circuit.parameters() instanceof CircuitParameters.Bootstrapped b) || b.pbsPrecision() > 5) {
                continue;
            }
            long[][] inputs = program.allInputs();
            for (int trial = 0; trial < 3; trial++) {
                long[] x = inputs[seeds.nextInt(inputs.length)];
                long[] expected = program.evaluatePlain(x);
                assertArrayEquals(expected, circuit.simulate(x), program::toString);
                assertArrayEquals(expected, circuit.encryptRunDecrypt(x), program::toString);
            }
            executed++;
        }
        assertEquals(4, executed, "four programs with lookups must have run encrypted");
    }

    @Test
    void aBatchOfRowsGivesWhatEachRowGivesAlone() {
        Circuit circuit = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").multiply(3).relu().add(in.get("x")))
                .compile(new long[][] {{-4}, {3}});
        java.util.List<long[][]> rows = java.util.stream.LongStream.rangeClosed(-4, 3)
                .mapToObj(x -> new long[][] {{x}}).toList();
        long[][] batch = circuit.encryptRunDecryptBatch(rows);
        for (int i = 0; i < rows.size(); i++) {
            assertArrayEquals(circuit.evaluate(rows.get(i)), batch[i], "row " + i);
        }
        assertEquals(0, circuit.encryptRunDecryptBatch(java.util.List.of()).length);
    }

    @Test
    void lookupsRunAsBootstraps() {
        Circuit circuit = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").multiply(3).relu().add(in.get("x")))
                .compile(new long[][] {{-4}, {3}});
        CircuitParameters.Bootstrapped parameters = (CircuitParameters.Bootstrapped) circuit.parameters();
        assertEquals(5, parameters.pbsPrecision(), "relu reads 3x in [-12, 9]: 5 bits");
        assertTrue(parameters.pbs().securityBits() >= 128 - 1e-9);
        for (long x = -4; x <= 3; x++) {
            assertArrayEquals(circuit.evaluate(new long[] {x}), circuit.encryptRunDecrypt(new long[] {x}), "x = " + x);
        }
    }
}

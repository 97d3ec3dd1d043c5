package org.fheml.compilation;

import static org.fheml.compilation.Encryption.CLEAR;
import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompilerChecksTest {

    private static long[][] range(int from, int to) {
        long[][] samples = new long[to - from][];
        for (int i = from; i < to; i++) {
            samples[i - from] = new long[] {i};
        }
        return samples;
    }

    @Test
    void aLookupOverMoreThanSixteenBitsNamesTheNodeAndItsWidth() {
        Compiler wide = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").multiply(1 << 10).relu());
        CompilationException error = assertThrows(CompilationException.class,
                () -> wide.compile(new long[][] {{0}, {255}}));
        assertTrue(error.getMessage().contains("%3 = relu(%2)") && error.getMessage().contains("18 bits"),
                error.getMessage());
        assertTrue(error.getMessage().contains("roundBitPattern"), error.getMessage());
    }

    @Test
    void roundingFirstLetsTheSameLookupCompileAndRun() {
        Compiler rounded = Compiler.of(Map.of("x", ENCRYPTED),
                in -> in.get("x").multiply(1 << 10).roundBitPattern(14, Exactness.APPROXIMATE).relu());
        Circuit circuit = rounded.compile(new long[][] {{0}, {255}});
        CircuitParameters.Bootstrapped parameters = (CircuitParameters.Bootstrapped) circuit.parameters();
        assertEquals(5, parameters.pbsPrecision(), "the lookup reads 18 - 14 bits, plus one for rounding up");
        assertArrayEquals(new long[] {192 << 10}, circuit.evaluate(new long[] {192}));
        for (long x : new long[] {0, 16, 96, 160, 240}) {
            assertArrayEquals(circuit.evaluate(new long[] {x}), circuit.encryptRunDecrypt(new long[] {x}), "x = " + x);
        }
    }

    @Test
    void theSameWideProgramWithExactRoundingRuns() {
        Compiler rounded = Compiler.of(Map.of("x", ENCRYPTED),
                in -> in.get("x").multiply(1 << 10).roundBitPattern(14).relu());
        Circuit circuit = rounded.compile(new long[][] {{0}, {255}});
        assertEquals(3 * 2 + 1, circuit.statistics().bootstrapCount(),
                "14 bits extracted in chunks of 5, 5 and 4 bits (two bootstraps each), then a 5-bit lookup");
        for (long x : new long[] {0, 7, 8, 100, 255}) {
            assertArrayEquals(circuit.evaluate(new long[] {x}), circuit.encryptRunDecrypt(new long[] {x}), "x = " + x);
        }
    }

    @Test
    void exactRoundingRunsByExtractingTheLowBits() {
        Circuit exact = Compiler.of(Map.of("x", ENCRYPTED),
                in -> in.get("x").add(3).multiply(5).roundBitPattern(3).relu()).compile(new long[][] {{-8}, {7}});
        CircuitStatistics statistics = exact.statistics();
        assertEquals(2 + 1, statistics.bootstrapCount(), "three bits extracted in one chunk of two bootstraps, one lookup");
        for (long x = -8; x <= 7; x++) {
            assertArrayEquals(exact.evaluate(new long[] {x}), exact.encryptRunDecrypt(new long[] {x}), "x = " + x);
        }
    }

    @Test
    void wideExactRoundingClearsItsBitsInChunksOfTheBootstrapPrecision() {
        Circuit exact = Compiler.of(Map.of("x", ENCRYPTED),
                in -> in.get("x").multiply(37).add(5).roundBitPattern(7).apply("half", v -> v / 256))
                .compile(new long[][] {{-12}, {12}});
        CircuitStatistics statistics = exact.statistics();
        assertEquals(3, statistics.bootstrapPrecision(), "the lookup reads [-512, 512] rounded to 2^7: 9 values");
        assertEquals(2 + 2 + 1 + 1, statistics.bootstrapCount(),
                "bits 0-2 and 3-5 in two chunks of two bootstraps, bit 6 alone, one lookup");
        for (long x = -12; x <= 12; x++) {
            assertArrayEquals(exact.evaluate(new long[] {x}), exact.simulate(new long[] {x}), "x = " + x);
            assertArrayEquals(exact.evaluate(new long[] {x}), exact.encryptRunDecrypt(new long[] {x}), "x = " + x);
        }
    }

    @Test
    void truncationRunsExactlyToo() {
        Circuit truncated = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").multiply(3).truncateBitPattern(2))
                .compile(new long[][] {{-5}, {6}});
        for (long x = -5; x <= 6; x++) {
            assertArrayEquals(truncated.evaluate(new long[] {x}), truncated.encryptRunDecrypt(new long[] {x}),
                    "x = " + x);
        }
    }

    @Test
    void twoEncryptedOperandsCannotBeMultiplied() {
        Map<String, Encryption> inputs = new LinkedHashMap<>();
        inputs.put("x", ENCRYPTED);
        inputs.put("y", ENCRYPTED);
        Compiler product = Compiler.of(inputs, in -> in.get("x").multiply(in.get("y")));
        CompilationException error = assertThrows(CompilationException.class,
                () -> product.compile(new long[][][] {{{1}, {2}}}));
        assertTrue(error.getMessage().contains("multiply of two encrypted values"), error.getMessage());
    }

    @Test
    void argumentsFollowTheDeclarationOrder() {
        Map<String, Encryption> inputs = new LinkedHashMap<>();
        inputs.put("y", CLEAR);
        inputs.put("x", ENCRYPTED);
        Circuit circuit = Compiler.of(inputs, in -> in.get("x").subtract(in.get("y")))
                .compile(new long[][][] {{{1}, {5}}, {{3}, {2}}});
        assertArrayEquals(new long[] {4 - 1}, circuit.evaluate(new long[] {1}, new long[] {4}));
        Circuit listed = Compiler.of(List.of(Argument.encrypted("x"), Argument.clear("y")),
                in -> in.get("x").subtract(in.get("y"))).compile(new long[][][] {{{5}, {1}}, {{4}, {1}}});
        assertArrayEquals(new long[] {3}, listed.evaluate(new long[] {4}, new long[] {1}));
    }

    @Test
    void anUnorderedMapOfSeveralInputsIsRefused() {
        CompilationException error = assertThrows(CompilationException.class,
                () -> Compiler.of(Map.of("x", ENCRYPTED, "y", CLEAR), in -> in.get("x")));
        assertTrue(error.getMessage().contains("LinkedHashMap"), error.getMessage());
    }

    @Test
    void anEmptyInputsetIsRefused() {
        Compiler identity = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").add(1));
        assertTrue(assertThrows(CompilationException.class, () -> identity.compile(new long[0][]))
                .getMessage().contains("inputset is empty"));
    }

    @Test
    void aLookupTableMustCoverItsInput() {
        Compiler lookup = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").lookup(new long[] {5, 6, 7}));
        CompilationException error = assertThrows(CompilationException.class, () -> lookup.compile(range(0, 4)));
        assertTrue(error.getMessage().contains("[0, 3]") && error.getMessage().contains("[0, 2]"), error.getMessage());
        assertArrayEquals(new long[] {7}, lookup.compile(range(0, 3)).evaluate(new long[] {2}));
    }

    @Test
    void boundsHoldBeyondTheInputset() {
        Map<String, Encryption> inputs = new LinkedHashMap<>();
        inputs.put("x", ENCRYPTED);
        inputs.put("y", ENCRYPTED);
        Circuit circuit = Compiler.of(inputs, in -> in.get("x").subtract(in.get("y")))
                .compile(new long[][][] {{{0}, {0}}, {{3}, {3}}});
        Node difference = circuit.graph().outputs().getFirst();
        assertEquals(0, circuit.graph().measuredRange(difference).max(), "the inputset only saw x = y");
        assertEquals(-3, circuit.graph().bounds(difference).min());
        assertEquals(3, circuit.graph().bounds(difference).max());
        assertEquals("int3", circuit.graph().type(difference).toString());
    }

    @Test
    void tensorOpsPrintAndEvaluateLikeNumpy() {
        Circuit circuit = Compiler.of(Map.of("x", ENCRYPTED), in -> {
            Tracer x = in.get("x");
            Tracer m = x.reshape(2, 3);
            return Tracer.concatenate(0, m.transpose().sum(1), m.index(1).slice(0, 2));
        }).inputShape("x", 6).compile(new long[][] {{0, 1, 2, 3, 4, 5}, {5, 4, 3, 2, 1, 0}});
        assertArrayEquals(new long[] {3, 5, 7, 3, 4}, circuit.evaluate(new long[] {0, 1, 2, 3, 4, 5}));
        assertTrue(circuit.toString().contains("reshape(%0, newshape=(2, 3))"), circuit.toString());
        assertTrue(circuit.toString().contains("concatenate(("), circuit.toString());
    }

    @Test
    void severalOutputsComeBackConcatenated() {
        Circuit circuit = Compiler.ofOutputs(Map.of("x", ENCRYPTED),
                in -> List.of(in.get("x").add(1), in.get("x").sum())).compile(new long[][] {{1, 2}, {3, 4}});
        assertArrayEquals(new long[] {2, 3, 3}, circuit.evaluate(new long[] {1, 2}));
        assertTrue(circuit.toString().endsWith("return %3, %2"), circuit.toString());
    }
}

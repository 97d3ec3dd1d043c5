package org.fheml.compilation;

import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cases of issue 20: out-of-range arguments are refused, clipped, declared, or simulated as they wrap. */
class InputRangeTest {

    private static final long[][] ZERO_TO_THREE = {{0, 0}, {3, 3}, {1, 2}};

    private static Compiler dot() {
        return Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").dot(new long[] {3, 5}).add(1));
    }

    @Test
    void aValueOutsideTheInputsetIsRefusedByEveryMode() {
        Circuit circuit = dot().compile(ZERO_TO_THREE);
        long[] x = {100, 200};
        for (java.util.function.Supplier<Object> mode : java.util.List.<java.util.function.Supplier<Object>>of(
                () -> circuit.evaluate(x), () -> circuit.simulate(x), () -> circuit.encrypt(x),
                () -> circuit.encryptRunDecrypt(x))) {
            InputRangeException refused = assertThrows(InputRangeException.class, mode::get);
            assertEquals(0, refused.argument());
            assertEquals("x", refused.argumentName());
            assertEquals(0, refused.element());
            assertEquals(100, refused.value());
            assertEquals(0, refused.lower());
            assertEquals(3, refused.upper());
            assertTrue(refused.getMessage().contains("Argument 0 (x), element 0 is 100, outside the range [0, 3]"),
                    refused.getMessage());
        }
        assertArrayEquals(new long[] {25}, circuit.encryptRunDecrypt(new long[] {3, 3}));
    }

    @Test
    void clippingComputesTheClippedValueInEveryMode() {
        Circuit circuit = dot().compile(ZERO_TO_THREE, CompileOptions.defaults().withInputRangeCheck(InputRangeCheck.CLIP));
        long[] x = {100, -200};
        assertArrayEquals(new long[] {10}, circuit.evaluate(x));
        assertArrayEquals(new long[] {10}, circuit.simulate(x));
        assertArrayEquals(new long[] {10}, circuit.encryptRunDecrypt(x));
    }

    @Test
    void uncheckedSimulationWrapsAroundAsEncryptedExecutionDoes() {
        Circuit circuit = dot().compile(ZERO_TO_THREE,
                CompileOptions.defaults().withInputRangeCheck(InputRangeCheck.UNCHECKED));
        long[] x = {100, 200};
        assertArrayEquals(new long[] {1301}, circuit.evaluate(x));
        long[] executed = circuit.encryptRunDecrypt(x);
        assertArrayEquals(executed, circuit.simulate(x));
        int bits = circuit.parameters().encodingBits();
        assertEquals(Math.floorMod(1301 - executed[0], 1L << (bits + 1)), 0, "a residue of 1301");
        assertFalse(executed[0] == 1301, "the encoding of " + bits + " bits cannot hold 1301");
    }

    @Test
    void declaredRangesHoldForEveryValueInThem() {
        Circuit circuit = Compiler.of(Map.of("x", ENCRYPTED), Map.of("x", InputRange.of(0, 255)),
                in -> in.get("x").dot(new long[] {3, 5}).add(1)).compile(new long[][] {{1, 2}});
        long[] x = {100, 200};
        assertArrayEquals(new long[] {1301}, circuit.evaluate(x));
        assertArrayEquals(new long[] {1301}, circuit.simulate(x));
        assertArrayEquals(new long[] {1301}, circuit.encryptRunDecrypt(x));
        assertArrayEquals(new long[] {2041}, circuit.encryptRunDecrypt(new long[] {255, 255}));
        assertEquals(RangeNarrowing.NONE, circuit.statistics().rangeNarrowing());
        assertThrows(InputRangeException.class, () -> circuit.evaluate(new long[] {256, 0}));
    }

    @Test
    void anInputsetOutsideTheDeclaredRangeIsRefused() {
        CompilationException refused = assertThrows(CompilationException.class, () -> Compiler.of(
                Map.of("x", ENCRYPTED), Map.of("x", InputRange.perElement(new long[] {0, 0}, new long[] {7, 3})),
                in -> in.get("x").sum()).compile(new long[][] {{1, 2}, {7, 4}}));
        assertTrue(refused.getMessage().contains("argument 'x', element 1, span [2, 4], outside its declared range "
                + "[0, 3]"), refused.getMessage());
    }

    @Test
    void narrowingToTheInputsetIsReportedWithTheNodesItAffects() {
        Compiler compiler = Compiler.of(Map.of("x", ENCRYPTED), Map.of("x", InputRange.of(0, 31)),
                in -> in.get("x").dot(new long[] {3, 5}).add(1).apply("half", v -> v / 2));
        Circuit known = compiler.compile(ZERO_TO_THREE);
        Circuit narrowed = compiler.compile(ZERO_TO_THREE, CompileOptions.defaults().withCalibrationRanges(true));
        RangeNarrowing report = narrowed.statistics().rangeNarrowing();
        assertTrue(report.used());
        assertEquals(null, known.encryptedExecutionProblem());
        assertEquals(java.util.List.of("x"), report.narrowedArguments());
        assertEquals(3, report.affectedNodes().size(), report.affectedNodes()::toString);
        assertTrue(report.affectedNodes().getFirst().contains("%3 = dot(%2, %1) in [0, 24] instead of [0, 248]"),
                report.affectedNodes()::toString);
        assertEquals(known.graph().maximumEncryptedBitWidth(), report.knownRangeBitWidth());
        assertTrue(report.narrowedBitWidth() < report.knownRangeBitWidth());
        assertTrue(report.warning().contains("%"), report.warning());
        assertTrue(narrowed.statistics().bootstrapPrecision() < known.statistics().bootstrapPrecision(),
                () -> narrowed.statistics() + " vs " + known.statistics());
        assertFalse(known.statistics().rangeNarrowing().used());
        assertThrows(InputRangeException.class, () -> narrowed.simulate(new long[] {4, 0}));
        assertArrayEquals(known.simulate(new long[] {4, 0}), known.evaluate(new long[] {4, 0}));
    }

    @Test
    void anUncheckedLookupReadsItsTableNegacyclicallyInSimulationAsOnCiphertexts() {
        long[] table = {3, 1, 4, 1, 5, 9, 2, 6};
        Circuit secure = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").lookup(table))
                .compile(new long[][] {{0}, {7}}, CompileOptions.defaults().withInputRangeCheck(InputRangeCheck.UNCHECKED));
        try (Circuit circuit = TestCircuits.insecure(secure)) {
            for (long x : new long[] {8, 9, 13, 16, 100, 1000, -1, -8}) {
                assertArrayEquals(circuit.simulate(new long[] {x}), circuit.encryptRunDecrypt(new long[] {x}),
                        "x = " + x);
            }
            for (long x = 0; x < 8; x++) {
                assertArrayEquals(new long[] {table[(int) x]}, circuit.encryptRunDecrypt(new long[] {x}));
            }
        }
    }
}

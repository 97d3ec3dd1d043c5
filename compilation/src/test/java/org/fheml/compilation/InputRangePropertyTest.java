package org.fheml.compilation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Range safety over random programs (leveled ops, lookups, exact roundings), random declared input ranges and random
 * inputs in and out of them: under every {@link InputRangeCheck}, {@code evaluate}, {@code simulate} and
 * {@code encryptRunDecrypt} agree or refuse alike. Out of range, REFUSE refuses everywhere with the same
 * {@link InputRangeException}, CLIP computes the clipped input everywhere, and UNCHECKED simulates the encoding's
 * wrap-around exactly as encrypted execution computes it.
 */
class InputRangePropertyTest {

    /** One program, range, inputset and option per try; three inputs per try, in or out of range. */
    @Property(tries = 1000)
    void evaluateAndSimulateAgreeOrRefuseAlike(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Case c = Case.draw(random, RandomProgram.generate(random.nextLong(), 3));
        for (int i = 0; i < 3; i++) {
            long[] x = c.input(random);
            c.checkClear(x);
        }
    }

    /**
     * A few of the cases run on ciphertexts, for each check: EXECUTE agrees or refuses alike too. Circuits with
     * lookups run on the tiny insecure parameters, leveled ones (cheap to run) on their own.
     */
    @Property(tries = 6)
    void encryptedExecutionRefusesAlike(@ForAll long seed) {
        encryptedExecutionAgreesOrRefusesAlike(seed, InputRangeCheck.REFUSE);
    }

    @Property(tries = 5)
    void encryptedExecutionClipsAlike(@ForAll long seed) {
        encryptedExecutionAgreesOrRefusesAlike(seed, InputRangeCheck.CLIP);
    }

    @Property(tries = 8)
    void encryptedExecutionWrapsAroundAsSimulated(@ForAll long seed) {
        encryptedExecutionAgreesOrRefusesAlike(seed, InputRangeCheck.UNCHECKED);
    }

    private static void encryptedExecutionAgreesOrRefusesAlike(long seed, InputRangeCheck check) {
        SplittableRandom random = new SplittableRandom(seed);
        Case c = Case.drawEncryptable(random, random.nextInt(4) == 0, check);
        try (Circuit insecure = c.circuit.parameters() instanceof CircuitParameters.Bootstrapped
                ? TestCircuits.insecure(c.circuit) : c.circuit) {
            for (int i = 0; i < 4; i++) {
                long[] x = c.input(random);
                c.checkClear(x);
                if (c.check == InputRangeCheck.REFUSE && !c.inRange(x)) {
                    InputRangeException refused = assertThrows(InputRangeException.class,
                            () -> insecure.encryptRunDecrypt(x), c::toString);
                    assertEquals(c.firstOutside(x), refused.element(), c::toString);
                } else {
                    assertArrayEquals(insecure.simulate(x), insecure.encryptRunDecrypt(x),
                            () -> c + " on " + java.util.Arrays.toString(x));
                }
            }
        }
    }

    /** A circuit compiled from one random case, with what is needed to check it. */
    private record Case(RandomProgram program, InputRange declared, InputRangeCheck check, boolean narrowed,
            Circuit circuit) {

        static Case draw(SplittableRandom random, RandomProgram program) {
            return draw(random, program, InputRangeCheck.values()[random.nextInt(3)]);
        }

        static Case draw(SplittableRandom random, RandomProgram program, InputRangeCheck check) {
            int length = program.length;
            long[] lower = new long[length];
            long[] upper = new long[length];
            for (int i = 0; i < length; i++) {
                lower[i] = random.nextLong(-4, 4);
                upper[i] = lower[i] + random.nextLong(0, 1L << program.inputBits);
            }
            InputRange declared = random.nextBoolean() && length > 1 ? InputRange.perElement(lower, upper)
                    : InputRange.of(lower[0], upper[0]);
            long[] low = declared.isUniform() ? filled(length, lower[0]) : lower;
            long[] high = declared.isUniform() ? filled(length, upper[0]) : upper;
            long[][] inputset = new long[1 + random.nextInt(3)][length];
            for (long[] sample : inputset) {
                for (int i = 0; i < length; i++) {
                    sample[i] = random.nextLong(low[i], high[i] + 1);
                }
            }
            boolean narrowed = random.nextInt(4) == 0;
            CompileOptions options = CompileOptions.defaults().withInputRangeCheck(check).withCalibrationRanges(narrowed);
            return new Case(program, declared, check, narrowed, program.compile(declared, inputset, options));
        }

        /**
         * A leveled case, or one whose circuit bootstraps at a precision the tiny insecure parameters decrypt
         * reliably.
         */
        static Case drawEncryptable(SplittableRandom random, boolean leveled, InputRangeCheck check) {
            while (true) {
                RandomProgram program = RandomProgram.generate(random.nextLong(), 2);
                Case c = draw(random, leveled ? program : program.withLookup(), check);
                boolean fits = leveled ? c.circuit.parameters() instanceof CircuitParameters.Leveled
                        : c.circuit.parameters() instanceof CircuitParameters.Bootstrapped b && b.pbsPrecision() <= 4;
                if (fits) {
                    return c;
                }
            }
        }

        private static long[] filled(int length, long value) {
            long[] out = new long[length];
            java.util.Arrays.fill(out, value);
            return out;
        }

        long lower(int e) {
            return circuit.inputRange(0).lower()[e];
        }

        long upper(int e) {
            return circuit.inputRange(0).upper()[e];
        }

        /** Each element in range, just outside it, far outside it, or at 2^40 and beyond. */
        long[] input(SplittableRandom random) {
            long[] x = new long[program.length];
            for (int e = 0; e < x.length; e++) {
                x[e] = switch (random.nextInt(6)) {
                    case 0 -> lower(e) - 1 - random.nextInt(4);
                    case 1 -> upper(e) + 1 + random.nextInt(4);
                    case 2 -> random.nextLong(-1000, 1000);
                    case 3 -> (random.nextBoolean() ? 1 : -1) * (1L << 40) + random.nextInt(1000);
                    default -> random.nextLong(lower(e), upper(e) + 1);
                };
            }
            return x;
        }

        boolean inRange(long[] x) {
            return firstOutside(x) < 0;
        }

        int firstOutside(long[] x) {
            for (int e = 0; e < x.length; e++) {
                if (x[e] < lower(e) || x[e] > upper(e)) {
                    return e;
                }
            }
            return -1;
        }

        long[] clipped(long[] x) {
            long[] out = x.clone();
            for (int e = 0; e < out.length; e++) {
                out[e] = Math.clamp(out[e], lower(e), upper(e));
            }
            return out;
        }

        void checkClear(long[] x) {
            String what = this + " on " + java.util.Arrays.toString(x);
            if (!narrowed) {
                assertArrayEquals(declaredLower(), circuit.inputRange(0).lower(), what);
                assertArrayEquals(declaredUpper(), circuit.inputRange(0).upper(), what);
            }
            if (inRange(x)) {
                long[] expected = program.evaluatePlain(x);
                assertArrayEquals(expected, circuit.evaluate(x), what);
                assertArrayEquals(expected, circuit.simulate(x), what);
                return;
            }
            switch (check) {
                case REFUSE -> {
                    int element = firstOutside(x);
                    for (java.util.function.Supplier<long[]> mode : java.util.List.<java.util.function.Supplier<long[]>>of(
                            () -> circuit.evaluate(x), () -> circuit.simulate(x))) {
                        InputRangeException refused = assertThrows(InputRangeException.class, mode::get, what);
                        assertEquals(0, refused.argument(), what);
                        assertEquals(element, refused.element(), what);
                        assertEquals(x[element], refused.value(), what);
                        assertEquals(lower(element), refused.lower(), what);
                        assertEquals(upper(element), refused.upper(), what);
                        assertTrue(refused.getMessage().contains("(x), element " + element + " is " + x[element]),
                                refused.getMessage());
                    }
                }
                case CLIP -> {
                    long[] expected = program.evaluatePlain(clipped(x));
                    assertArrayEquals(expected, circuit.evaluate(x), what);
                    assertArrayEquals(expected, circuit.simulate(x), what);
                }
                case UNCHECKED -> {
                    long[] simulated = circuit.simulate(x);
                    int bits = circuit.parameters().encodingBits();
                    for (long v : simulated) {
                        assertTrue(v >= -(1L << bits) && v < (1L << bits), () -> v + " is no " + bits
                                + "-bit residue: " + what);
                    }
                }
            }
        }

        private long[] declaredLower() {
            return declared.isUniform() ? filled(program.length, declared.lower()[0]) : declared.lower();
        }

        private long[] declaredUpper() {
            return declared.isUniform() ? filled(program.length, declared.upper()[0]) : declared.upper();
        }

        @Override
        public String toString() {
            return program + " declared " + declared + ", " + check + (narrowed ? ", narrowed to the inputset" : "");
        }
    }
}

package org.fheml.compilation;

import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Many-LUT bootstraps: lookups that read one ciphertext share bootstraps, which the counts, the printed circuit and
 * the specification show; on and off give the same results in the clear, simulated and encrypted, and on a server
 * built from the specification alone; a shared bootstrap's failure moves all of its outputs together.
 */
class ManyLutFusionTest {

    /** Features each of the six selected elements repeats: 0 three times, 1 twice, 2 once. */
    private static final int[] SELECTED = {0, 1, 0, 2, 1, 0};

    /**
     * x (4 elements, 0..7): three functions of x (12 lookup elements, 4 shared inputs), and six comparisons of a
     * one-hot selection of x's features (Concrete ML's tree formulation), which read 3 distinct ciphertexts.
     */
    private static Circuit circuit(boolean manyLut) {
        long[][] selection = new long[4][SELECTED.length];
        long[][] thresholds = new long[SELECTED.length][8];
        for (int s = 0; s < SELECTED.length; s++) {
            selection[SELECTED[s]][s] = 1;
            for (int v = 0; v < 8; v++) {
                thresholds[s][v] = v <= s ? 1 : 0;
            }
        }
        return Compiler.of(Map.of("x", ENCRYPTED), in -> {
            Tracer x = in.get("x");
            return Tracer.concatenate(0, x.apply("square", v -> v * v % 8), x.apply("double", v -> 2 * v % 7),
                    x.lessEqual(4), x.matmul(selection).lookup(thresholds));
        }).inputShape("x", 4).compile(new long[][] {{0, 0, 0, 0}, {7, 7, 7, 7}},
                CompileOptions.defaults().withManyLut(manyLut));
    }

    /**
     * The cheapest parameters for 3-bit lookups leave no room for a second function; the compiler takes wider ones
     * because 7 bootstraps on them cost less than 18 on the narrow ones.
     */
    @Test
    void sharedInputsShareBootstrapsInTheCountsAndThePrintedCircuit() {
        Circuit on = circuit(true);
        Circuit off = circuit(false);
        assertEquals(12 + 6, off.statistics().bootstrapCount());
        assertEquals(0, off.bootstrapsSavedByManyLut());
        assertEquals(8 + 3, on.bootstrapsSavedByManyLut(), on.format(false));
        assertEquals(4 + 3, on.statistics().bootstrapCount());
        assertEquals(on.statistics().bootstrapCount(), on.statistics().keyswitchCount());
        assertTrue(on.format(false).contains("many-LUT: 4 of 4 elements in 4 bootstraps of up to 4 functions with"),
                on.format(false));
        assertTrue(on.format(false).contains("many-LUT: 5 of 6 elements in 2 bootstraps of up to 4 functions"),
                on.format(false));
        assertFalse(off.format(false).contains("many-LUT"));
        assertEquals(off.statistics().bootstrapPrecision(), on.statistics().bootstrapPrecision());
        assertTrue(on.statistics().log2GlobalPError() < -30, "global p_error 2^" + on.statistics().log2GlobalPError());
    }

    @Test
    void onAndOffAgreeInTheClearSimulatedAndEncrypted() {
        Circuit on = circuit(true);
        Circuit off = circuit(false);
        CircuitParameters.Bootstrapped wide = (CircuitParameters.Bootstrapped) on.parameters();
        CircuitParameters.Bootstrapped narrow = (CircuitParameters.Bootstrapped) off.parameters();
        assertEquals(narrow.pbsPrecision(), wide.pbsPrecision());
        assertTrue(on.statistics().bootstrapCount() * wide.pbs().cost()
                < off.statistics().bootstrapCount() * narrow.pbs().cost(), "the cost model chose the wider set");
        SplittableRandom random = new SplittableRandom(13);
        for (int row = 0; row < 4; row++) {
            long[] x = random.ints(4, 0, 8).asLongStream().toArray();
            long[] expected = off.evaluate(x);
            assertArrayEquals(expected, on.evaluate(x));
            assertArrayEquals(off.simulate(x), on.simulate(x));
            assertArrayEquals(expected, on.encryptRunDecrypt(x), "row " + row);
            assertArrayEquals(expected, off.encryptRunDecrypt(x), "row " + row);
        }
        List<long[][]> rows = List.of(new long[][] {{1, 2, 3, 4}}, new long[][] {{7, 0, 5, 6}});
        long[][] batch = on.encryptRunDecryptBatch(rows);
        for (int r = 0; r < rows.size(); r++) {
            assertArrayEquals(on.evaluate(rows.get(r)[0]), batch[r]);
        }
    }

    @Test
    void aServerBuiltFromTheSpecificationRunsTheSharedBootstraps() {
        Circuit client = circuit(true);
        byte[] specification = client.serverSpecification();
        CircuitSpecification.Loaded loaded = CircuitSpecification.read(specification);
        assertEquals(client.bootstrapsSavedByManyLut(), loaded.manyLut().savedBootstraps());
        assertTrue(CircuitSpecification.read(circuit(false).serverSpecification()).manyLut().isEmpty());
        try (ServerCircuit server = ServerCircuit.load(specification, client.evaluationKeys(), 2)) {
            for (long[] x : new long[][] {{0, 7, 3, 4}, {6, 1, 2, 5}}) {
                assertArrayEquals(client.evaluate(x), client.decryptBytes(server.run(client.encryptToBytes(x))));
            }
        }
    }

    /** With a shared bootstrap certain to fail, every member reads the same neighbouring message. */
    @Test
    void aSharedBootstrapFailsForAllItsOutputsAtOnce() {
        Circuit compiled = Compiler.of(Map.of("x", ENCRYPTED), in -> {
            Tracer x = in.get("x");
            return Tracer.concatenate(0, x.apply("first", v -> v), x.apply("second", v -> v));
        }).inputShape("x", 4).compile(new long[][] {{0, 0, 0, 0}, {7, 7, 7, 7}});
        CircuitParameters.Bootstrapped parameters = (CircuitParameters.Bootstrapped) compiled.parameters();
        ManyLutFusion planned = ManyLutFusion.plan(compiled.graph(), parameters, 0);
        assertEquals(4, planned.bootstraps().size());
        ManyLutFusion certain = new ManyLutFusion(planned.bootstraps().stream().map(b -> new ManyLutFusion.Bootstrap(
                b.source(), b.sourceElement(), b.log2Functions(), 0, b.members())).toList());
        CircuitSimulator simulator = new CircuitSimulator(compiled.graph(), parameters, false, certain);
        SplittableRandom errors = new SplittableRandom(5);
        boolean moved = false;
        for (int trial = 0; trial < 20; trial++) {
            long[] x = {1, 2, 5, 6};
            long[] out = Circuit.flatten(simulator.run(List.of(LongTensor.of(Shape.of(4), x)), errors));
            for (int e = 0; e < 4; e++) {
                assertEquals(out[e], out[4 + e], "element " + e + " of trial " + trial);
                assertNotEquals(x[e], out[e]);
                moved = true;
            }
        }
        assertTrue(moved);
    }
}

package org.fheml.compilation;

import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A declared range narrows the bounds of the value and of what it declares them on, and so the encoding; the
 * clear evaluation checks it; the server runs it from bytes like any other op.
 */
class AssumeRangeTest {

    /** One-hot selection: x in 0..3 picks one of four lookups, so the sum of the four is one table value. */
    private static Circuit oneHot(boolean declared) {
        long[] values = {50, -60, 70, 40};
        return Compiler.of(Map.of("x", ENCRYPTED), in -> {
            long[][] tables = new long[4][4];
            for (int i = 0; i < 4; i++) {
                tables[i][i] = values[i];
            }
            Tracer picked = in.get("x").matmul(new long[][] {{1, 1, 1, 1}}).lookup(tables)
                    .matmul(new long[][] {{1}, {1}, {1}, {1}});
            return declared ? picked.assumeRange(new long[] {-60}, new long[] {70}) : picked;
        }).inputShape("x", 1).compile(new long[][] {{0}, {1}, {2}, {3}});
    }

    @Test
    void declaredRangesNarrowTheEncoding() {
        Circuit wide = oneHot(false);
        Circuit narrow = oneHot(true);
        assertEquals(9, wide.statistics().maximumBitWidth(), "interval arithmetic: [-60, 160]");
        assertEquals(8, narrow.statistics().maximumBitWidth(), "declared: [-60, 70]");
        Node sum = narrow.graph().nodes().stream().filter(n -> n.op() instanceof Op.MatMul).reduce((a, b) -> b)
                .orElseThrow();
        assertEquals(70, narrow.graph().bounds(sum).max(), "the declared range holds for what it is declared on");
        assertTrue(narrow.format(false).contains("assume_range("), narrow.format(false));
        for (long x = 0; x < 4; x++) {
            assertArrayEquals(wide.evaluate(new long[] {x}), narrow.evaluate(new long[] {x}));
            assertArrayEquals(narrow.evaluate(new long[] {x}), narrow.simulate(new long[] {x}));
        }
    }

    @Test
    void aValueOutsideItsDeclaredRangeFailsInTheClear() {
        Circuit circuit = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").add(1).assumeRange(new long[] {0},
                new long[] {5})).inputShape("x", 2).inputRange("x", InputRange.of(0, 7))
                .compile(new long[][] {{0, 1}, {4, 3}});
        CompilationException error = assertThrows(CompilationException.class,
                () -> circuit.evaluate(new long[] {2, 7}));
        assertTrue(error.getMessage().contains("element 1 is 8, outside its assumed range [0, 5]"), error.getMessage());
        CompilationException atCompile = assertThrows(CompilationException.class,
                () -> Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").assumeRange(new long[] {0}, new long[] {1}))
                        .inputShape("x", 1).compile(new long[][] {{0}, {2}}));
        assertTrue(atCompile.getMessage().contains("assume_range"), atCompile.getMessage());
    }

    @Test
    void malformedRangesAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Compiler.of(Map.of("x", ENCRYPTED),
                in -> in.get("x").assumeRange(new long[] {3}, new long[] {1})).inputShape("x", 1)
                .compile(new long[][] {{1}})).getMessage().contains("above its upper bound"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Compiler.of(Map.of("x", ENCRYPTED),
                in -> in.get("x").assumeRange(new long[] {0, 0, 0}, new long[] {1})).inputShape("x", 2)
                .compile(new long[][] {{1, 1}})).getMessage().contains("one per element or one for all"));
    }

    @Test
    void theServerRunsItFromBytes() {
        Circuit client = oneHot(true);
        ServerCircuit server = ServerCircuit.load(client.serverSpecification(), client.evaluationKeys(), 2);
        for (long x = 0; x < 4; x++) {
            assertArrayEquals(client.evaluate(new long[] {x}),
                    client.decryptBytes(server.run(client.encryptToBytes(new long[] {x}))));
        }
    }
}

package org.fheml.compilation;

import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The chunked plan of exact roundings and truncations computes, message by message, what the clear program does. */
class BitExtractionTest {

    @Property(tries = 300)
    void withoutErrorsTheBootstrapMessagesGiveTheClearRoundingAndTruncation(@ForAll @LongRange(min = -5000, max = 5000) long y,
            @ForAll @IntRange(min = 1, max = 9) int lsbs, @ForAll @IntRange(min = 1, max = 7) int precision,
            @ForAll boolean rounding) {
        Graph graph = graphOf(lsbs, rounding);
        Node node = graph.outputs().getFirst();
        BitExtraction extraction = BitExtraction.of(graph, node);
        int encodingBits = graph.maximumEncryptedBitWidth();
        long expected = rounding ? BitPatterns.round(y, lsbs) : BitPatterns.truncate(y, lsbs);
        assertEquals(expected, extraction.apply(y, precision, encodingBits, null, 0));
        assertEquals(expected, extraction.apply(y, 0L));
    }

    @Property(tries = 50)
    void aChunkNeverCostsMoreThanItsBitsAndAtMostTwoBootstraps(@ForAll @IntRange(min = 1, max = 12) int lsbs,
            @ForAll @IntRange(min = 1, max = 8) int precision) {
        Graph graph = graphOf(lsbs, true);
        BitExtraction extraction = BitExtraction.of(graph, graph.outputs().getFirst());
        int covered = 0;
        for (BitExtraction.Chunk chunk : extraction.chunks(precision, 20)) {
            assertEquals(covered, chunk.start(), "chunks are contiguous, least significant first");
            assertTrue(chunk.bits() <= Math.max(1, precision));
            assertTrue(chunk.bootstraps() == 1 ? chunk.bits() == 1 : chunk.bits() >= 3 && chunk.bootstraps() == 2);
            covered += chunk.bits();
        }
        assertEquals(lsbs, covered);
        assertTrue(extraction.bootstraps(precision, 20) <= lsbs);
    }

    private static Graph graphOf(int lsbs, boolean rounding) {
        Circuit circuit = Compiler.of(Map.of("x", ENCRYPTED), in -> rounding
                ? in.get("x").roundBitPattern(lsbs) : in.get("x").truncateBitPattern(lsbs))
                .compile(new long[][] {{-5000}, {5000}});
        return circuit.graph();
    }
}

package org.fheml.compilation;

import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Memory is checked before it is spent: compile reports it, key generation and key loading refuse what won't fit. */
class MemoryLimitTest {

    /**
     * The example: 512·x for x in 0..1023, rounded to 8 bits, then a lookup; 10.9 GB of evaluation keys (11.1 GB
     * before the noise model's FFT term was measured, issue 19).
     */
    private static Circuit eleven(CompileOptions options) {
        long[][] inputset = new long[1024][];
        for (int i = 0; i < inputset.length; i++) {
            inputset[i] = new long[] {i};
        }
        return Compiler.of(Map.of("x", ENCRYPTED), in -> Tracer.constant(new long[] {1 << 9}).matmul(in.get("x"))
                .roundBitPattern(12).apply("shift", v -> v >> 12)).inputShape("x", 1).compile(inputset, options);
    }

    @Test
    void theElevenGigabyteExampleIsReportedAndRefusedAtKeyGeneration() {
        Circuit circuit = eleven(CompileOptions.defaults());
        CircuitStatistics statistics = circuit.statistics();
        CircuitMemory memory = statistics.memory();
        assertTrue(statistics.evaluationKeyBytes() > 10_000_000_000L, statistics.toString());
        assertEquals(memory.seededKeyBytes() + memory.keyswitchKeyBytes() + memory.standardBootstrapKeyBytes()
                + memory.fourierBootstrapKeyBytes(), memory.keyGenerationBytes());
        assertTrue(memory.keyGenerationBytes() > Runtime.getRuntime().maxMemory(), memory + " exceeds this heap");

        MemoryLimitException e = assertThrows(MemoryLimitException.class, circuit::keygen);
        assertTrue(e.neededBytes() == memory.keyGenerationBytes() && e.availableBytes() < e.neededBytes());
        for (String expected : new String[] {"Key generation needs " + CircuitMemory.format(memory.keyGenerationBytes()),
                CircuitMemory.format(memory.fourierBootstrapKeyBytes()) + " in Fourier form", "are available", "lower n_bits", "roundBitPattern", "-Xmx"}) {
            assertTrue(e.getMessage().contains(expected), e.getMessage() + " should say " + expected);
        }
    }

    @Test
    void aKeyCapMakesCompileRefuseTheExample() {
        MemoryLimitException e = assertThrows(MemoryLimitException.class,
                () -> eleven(CompileOptions.defaults().withMaxKeyBytes(4_000_000_000L)));
        assertTrue(e.getMessage().contains("more than the 4.0 GB CompileOptions.maxKeyBytes allows"), e.getMessage());
        CircuitMemory memory = eleven(CompileOptions.defaults()).statistics().memory();
        assertTrue(e.getMessage().contains(CircuitMemory.format(memory.standardBootstrapKeyBytes())
                + " in standard form"), e.getMessage());
        assertTrue(memory.standardBootstrapKeyBytes() > 8_000_000_000L, memory.toString());
    }

    @Test
    void aServerRefusesToLoadKeysItHasNoRoomFor() {
        Circuit small = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").apply("square mod 4", v -> v * v % 4))
                .compile(new long[][] {{0}, {3}});
        byte[] someKeys = small.evaluationKeys();
        assertEquals(small.statistics().memory().seededKeyBytes(), small.keygen().seededServerKey().sizeInBytes(),
                "the estimate of the seeded keys is their size");
        MemoryLimitException e = assertThrows(MemoryLimitException.class,
                () -> ServerCircuit.load(eleven(CompileOptions.defaults()).serverSpecification(), someKeys, 1));
        assertTrue(e.getMessage().startsWith("Loading the evaluation keys needs"), e.getMessage());
    }

    @Test
    void aLeveledCircuitNeedsNoKeyMemory() {
        Circuit linear = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").dot(new long[] {2, -3}))
                .compile(new long[][] {{0, 0}, {15, 15}}, CompileOptions.defaults().withMaxKeyBytes(1));
        CircuitMemory memory = linear.statistics().memory();
        assertEquals(0, memory.keyGenerationBytes());
        assertEquals(3 * ((CircuitParameters.Leveled) linear.parameters()).lwe().ciphertextBytes(),
                memory.batchBytesPerRow(), "two inputs and their dot product");
    }
}

package org.fheml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fheml.compilation.Argument;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.compilation.Compiler;
import org.junit.jupiter.api.Test;

class CircuitCostTest {

    @Test
    void everyElementOfAnEncryptedLookupCostsOneBootstrapAndClearOnesCostNone() {
        Compiler compiler = Compiler.of(List.of(Argument.encrypted("x"), Argument.clear("y")),
                in -> in.get("x").relu().add(in.get("x").apply("square", v -> v * v)).add(in.get("y").relu()));
        long[][][] inputset = {{{0, 1, 2}, {3, 4, 5}}, {{-3, 2, 1}, {0, -1, 2}}};
        Circuit circuit = compiler.compile(inputset, CompileOptions.defaults().withManyLut(false));
        CircuitCost cost = CircuitCost.of(circuit);
        assertEquals(3 + 3, cost.pbsCount());
        assertEquals(circuit.graph().maximumIntegerBitWidth(), cost.maxBitWidth());
        Circuit shared = compiler.compile(inputset);
        assertEquals(3 + 3 - shared.bootstrapsSavedByManyLut(), CircuitCost.of(shared).pbsCount(),
                "relu and square of one element may share a many-LUT bootstrap");
    }

    @Test
    void exactRoundingsCountTheirBootstrapsAsTheCircuitRunsThem() {
        Circuit circuit = Compiler.of(List.of(Argument.encrypted("x")),
                in -> in.get("x").multiply(37).roundBitPattern(6).apply("shift", v -> v >> 6))
                .compile(new long[][] {{0, 1}, {12, -12}});
        CircuitCost cost = CircuitCost.of(circuit);
        assertEquals(circuit.statistics().bootstrapCount(), cost.pbsCount());
        assertTrue(cost.pbsCount() > 2, "two lookups and the roundings' bootstraps: " + cost.pbsCount());
    }

    @Test
    void aLeveledCircuitNeedsNoBootstrap() {
        Circuit circuit = Compiler.of(List.of(Argument.encrypted("x")), in -> in.get("x").multiply(3).add(1))
                .compile(new long[][] {{0, 1}, {7, 2}});
        assertEquals(0, CircuitCost.of(circuit).pbsCount());
    }
}

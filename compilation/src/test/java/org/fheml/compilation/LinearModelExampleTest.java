package org.fheml.compilation;

import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The program of the compilation issue: a one-feature linear model, traced, compiled, printed and run. */
class LinearModelExampleTest {

    private static Circuit compileExample() {
        long[] w = {2};
        long b = 2;
        Compiler compiler = Compiler.of(Map.of("x", ENCRYPTED), in -> {
            Tracer x = in.get("x");
            return Tracer.constant(w).matmul(x).add(b);
        });
        long[][] inputset = new long[1 << 2][];
        for (int i = 0; i < inputset.length; i++) {
            inputset[i] = new long[] {i};
        }
        return compiler.compile(inputset);
    }

    @Test
    void printsConcretesTextForTheLinearModel() {
        Circuit circuit = compileExample();
        assertEquals(4, circuit.graph().maximumIntegerBitWidth());
        assertEquals("""
                %0 = 2                     # ClearScalar<uint2>
                %1 = [2]                   # ClearTensor<uint2, shape=(1,)>
                %2 = x                     # EncryptedTensor<uint2, shape=(1,)>
                %3 = matmul(%1, %2)        # EncryptedScalar<uint3>
                %4 = add(%3, %0)           # EncryptedScalar<uint4>
                return %4""", circuit.toString());
    }

    @Test
    void evaluatesAndSimulatesTheLinearModel() {
        Circuit circuit = compileExample();
        assertArrayEquals(new long[] {8}, circuit.evaluate(new long[] {3}));
        assertArrayEquals(new long[] {8}, circuit.simulate(new long[] {3}));
        assertArrayEquals(new long[] {8}, circuit.encryptRunDecrypt(new long[] {3}));
    }

    @Test
    void runsOnCiphertextsWithSecureParameters() {
        Circuit circuit = compileExample();
        CircuitParameters.Leveled parameters = (CircuitParameters.Leveled) circuit.parameters();
        assertEquals(4, parameters.encodingBits());
        org.junit.jupiter.api.Assertions.assertTrue(parameters.lwe().securityBits() >= 128 - 1e-9);
        for (long x = 0; x < 4; x++) {
            assertArrayEquals(new long[] {2 * x + 2}, circuit.encryptRunDecrypt(new long[] {x}));
        }
    }

    @Test
    void showsMeasuredRangesOnRequest() {
        String text = compileExample().format(true);
        assertEquals("%4 = add(%3, %0)           # EncryptedScalar<uint4> ∈ [2, 8]", text.lines().toList().get(4));
    }
}

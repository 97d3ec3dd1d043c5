package org.fheml.tfhe.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A many-LUT bootstrap's failure probability: one function is the parameters' own; each doubling of the functions
 * raises it (the modulus switch rounds to half as many steps); parameters chosen for p + a bits hold 2^a functions
 * of a p-bit input within their failure probability, which the parameters chosen for p bits do not.
 */
class ManyLutNoiseTest {

    @ParameterizedTest(name = "p={0}, a={1}")
    @CsvSource({"2, 1", "3, 2", "4, 1", "4, 3", "5, 2"})
    void parametersForPPlusABitsHoldTwoToTheAFunctions(int precision, int a) {
        double pError = 0x1p-40;
        BootstrapParameters narrow = ParameterOptimizer.optimize(BootstrapQuery.perBootstrap(precision, 1, pError));
        BootstrapParameters wide = ParameterOptimizer.optimize(BootstrapQuery.perBootstrap(precision + a, 1, pError));
        assertEquals(narrow.log2PError(), ManyLutNoise.log2PError(narrow, precision, 0), 1e-9);
        double previous = narrow.log2PError();
        for (int log2 = 1; log2 <= 3; log2++) {
            double next = ManyLutNoise.log2PError(narrow, precision, log2);
            assertTrue(next > previous, "a = " + log2 + ": 2^" + next + " after 2^" + previous);
            previous = next;
        }
        assertTrue(ManyLutNoise.log2PError(narrow, precision, a) > -40, "the narrow set has no room");
        assertTrue(ManyLutNoise.log2PError(wide, precision, a) <= wide.log2PError() + 1e-9,
                "2^" + ManyLutNoise.log2PError(wide, precision, a) + " against 2^" + wide.log2PError());
        assertTrue(wide.log2PError() <= -40 + 1e-9);
    }
}

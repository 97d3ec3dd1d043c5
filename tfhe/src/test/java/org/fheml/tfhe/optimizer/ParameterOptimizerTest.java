package org.fheml.tfhe.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterOptimizerTest {

    private static BootstrapQuery v0Query(int precision) {
        return BootstrapQuery.perBootstrap(precision, 1, BootstrapQuery.DEFAULT_P_ERROR).withCenteredModulusSwitch(false);
    }

    @ParameterizedTest(name = "p = {0}")
    @CsvSource({"1, 30", "2, 34", "3, 46", "4, 76", "5, 102", "6, 236", "7, 546", "8, 1761", "9, 3959", "10, 8919"})
    void isAtMostTenPercentDearerThanConcretesV0Table(int precision, int v0Cost) {
        BootstrapParameters chosen = ParameterOptimizer.optimize(v0Query(precision));
        assertTrue(chosen.cost() <= 1.1 * (v0Cost + 1), "cost " + chosen.cost() + " against Concrete's " + v0Cost);
        assertTrue(chosen.pError() <= BootstrapQuery.DEFAULT_P_ERROR, "p_error " + chosen.pError());
        assertTrue(chosen.securityBits() >= 128 - 1e-9, "security " + chosen.securityBits());
    }

    @Test
    void findsConcretesOwnChoiceAtFourBits() {
        BootstrapParameters chosen = ParameterOptimizer.optimize(v0Query(4));
        assertEquals(801, chosen.lweDimension());
        assertEquals(2, chosen.glweDimension());
        assertEquals(1024, chosen.polynomialSize());
        assertEquals(23, chosen.pbsBaseLog());
        assertEquals(1, chosen.pbsLevel());
        assertEquals(4, chosen.ksBaseLog());
        assertEquals(3, chosen.ksLevel());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void noCheaperSetIsBoughtWithWeakerSecurity(int precision) {
        BootstrapParameters chosen = ParameterOptimizer.optimize(BootstrapQuery.perBootstrap(precision, 1, 1e-6));
        assertTrue(SecurityLevel.securityBits(chosen.lweDimension(), chosen.lweNoiseStd()) >= 128 - 1e-9);
        assertTrue(SecurityLevel.securityBits(chosen.glweDimension() * chosen.polynomialSize(),
                chosen.glweNoiseStd()) >= 128 - 1e-9);
        assertTrue(chosen.lweNoiseStd() >= SecurityLevel.BITS_128.minimalStd(chosen.lweDimension()));
    }

    @Test
    void theCenteredModulusSwitchIsNeverDearer() {
        for (int p = 1; p <= 8; p++) {
            double plain = ParameterOptimizer.optimize(v0Query(p)).cost();
            double centered = ParameterOptimizer.optimize(v0Query(p).withCenteredModulusSwitch(true)).cost();
            assertTrue(centered <= plain, "p = " + p + ": " + centered + " > " + plain);
        }
    }

    @Test
    void aStricterTargetCostsMore() {
        BootstrapParameters loose = ParameterOptimizer.optimize(BootstrapQuery.perBootstrap(4, 1, 1e-3));
        BootstrapParameters strict = ParameterOptimizer.optimize(BootstrapQuery.perBootstrap(4, 1, 0x1p-64));
        assertTrue(strict.cost() > loose.cost());
        assertTrue(strict.log2PError() <= -64);
    }

    @Test
    void aGlobalTargetIsSharedAmongTheBootstraps() {
        BootstrapQuery query = BootstrapQuery.global(3, 1, 1e-5, 100);
        assertEquals(1e-5, FailureProbability.repeat(query.pErrorPerBootstrap(), 100), 1e-12);
        assertTrue(ParameterOptimizer.optimize(query).pError() * 100 <= 1.01e-5);
    }

    @Test
    void resultsAreCached() {
        BootstrapQuery query = BootstrapQuery.perBootstrap(5, 3, 1e-7);
        assertSame(ParameterOptimizer.optimize(query), ParameterOptimizer.optimize(query));
    }

    @Test
    void twelveBitsHaveNoKsPbsSolutionAndTheErrorSaysWhatToRelax() {
        NoFeasibleParametersException error = assertThrows(NoFeasibleParametersException.class,
                () -> ParameterOptimizer.optimize(v0Query(12)));
        assertTrue(error.getMessage().contains("12-bit") && error.getMessage().contains("Lower the precision"),
                error.getMessage());
    }

    @Test
    void aTooLargeNormHasNoSolution() {
        assertThrows(NoFeasibleParametersException.class,
                () -> ParameterOptimizer.optimize(BootstrapQuery.perBootstrap(1, 0x1p31, BootstrapQuery.DEFAULT_P_ERROR)
                        .withCenteredModulusSwitch(false)));
    }

    @Test
    void invalidQueriesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> BootstrapQuery.perBootstrap(0, 1, 1e-5));
        assertThrows(IllegalArgumentException.class, () -> BootstrapQuery.perBootstrap(4, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> BootstrapQuery.perBootstrap(4, -1, 1e-5));
        assertThrows(IllegalArgumentException.class, () -> BootstrapQuery.global(4, 1, 1e-5, 0));
    }

    @Test
    void aLinearModelsAccumulatorNeedsNoBootstrapOnlyRoom() {
        LeveledParameters chosen = ParameterOptimizer.optimize(
                new LeveledQuery(24, 1024, 1e-9, SecurityLevel.BITS_128));
        assertTrue(chosen.log2PError() <= Math.log(1e-9) / Math.log(2));
        assertTrue(chosen.securityBits() >= 128 - 1e-9);
        LeveledParameters oneSmaller = LeveledParameters.of(new LeveledQuery(24, 1024, 1e-9, SecurityLevel.BITS_128),
                chosen.lweDimension() - 1);
        assertTrue(oneSmaller.log2PError() > Math.log(1e-9) / Math.log(2), "the chosen dimension is the smallest");
    }

    @Test
    void anAccumulatorTooWideForAnyNoiseIsRejected() {
        assertThrows(NoFeasibleParametersException.class,
                () -> ParameterOptimizer.optimize(new LeveledQuery(58, 1024, 1e-9, SecurityLevel.BITS_128)));
    }
}

package org.fheml.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.stream.Stream;
import org.fheml.tfhe.boundaryfixture.ForbiddenImportFixture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Fails the build when a module's production code depends on a module it must not import. */
class ModuleBoundariesTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.fheml");

    @TestFactory
    Stream<DynamicTest> everyModuleKeepsItsImportRules() {
        assertFalse(PRODUCTION.isEmpty(), "no fheml class was found on the test class path");
        return ModuleBoundaries.ALL.stream().map(boundary -> DynamicTest.dynamicTest(boundary.module(),
                () -> boundary.rule().check(PRODUCTION)));
    }

    @Test
    void aForbiddenImportIsReported() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ForbiddenImportFixture.class);
        ModuleBoundaries.Boundary tfhe = ModuleBoundaries.ALL.stream()
                .filter(b -> b.module().equals("tfhe")).findFirst().orElseThrow();
        EvaluationResult result = tfhe.rule().evaluate(fixture);
        assertTrue(result.hasViolation(), "a tfhe class importing org.fheml.core must violate the tfhe rule");
        assertTrue(result.getFailureReport().toString().contains("ForbiddenImportFixture"),
                result.getFailureReport().toString());
    }
}

package org.fheml.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The import rules between fheml's modules (shared/design/ARCHITECTURE.md, "Modules"), as ArchUnit rules over
 * compiled classes. Maven's declared dependencies already stop most forbidden imports at compile time; these
 * rules also catch the ones a transitive dependency would let through (models reaching into tfhe, say).
 */
final class ModuleBoundaries {

    /** One module: the package it owns and the packages it must never depend on. */
    record Boundary(String module, String ownPackage, List<String> forbiddenPackages) {

        ArchRule rule() {
            return noClasses().that().resideInAPackage(ownPackage)
                    .should().dependOnClassesThat().resideInAnyPackage(forbiddenPackages.toArray(String[]::new))
                    .as("module " + module + " (" + ownPackage + ") must not depend on " + forbiddenPackages)
                    .allowEmptyShould(true);
        }
    }

    private static final String CORE = "org.fheml.core..";
    private static final String TFHE = "org.fheml.tfhe..";
    private static final String COMPILATION = "org.fheml.compilation..";
    private static final String QUANTIZATION = "org.fheml.quantization..";
    private static final String ONNX = "org.fheml.onnx..";
    private static final String MODELS = "org.fheml.models..";
    private static final String SERVER = "org.fheml.server..";
    private static final String CLI = "org.fheml.cli..";
    private static final String BENCHMARKS = "org.fheml.benchmarks..";
    private static final String SMILE = "smile..";
    /** The spark module's scoring side: its package only, not the client helper below it. */
    private static final String SPARK = "org.fheml.spark";
    /** The spark module's data-owner helper, which alone may use models' FheModelClient. */
    private static final String SPARK_CLIENT = "org.fheml.spark.client..";
    private static final String ANY_SPARK = "org.fheml.spark..";
    private static final String APACHE_SPARK = "org.apache.spark..";

    static final List<Boundary> ALL = List.of(
            new Boundary("framework-core", CORE,
                    List.of(TFHE, COMPILATION, QUANTIZATION, ONNX, MODELS, CLI, BENCHMARKS, SMILE)),
            new Boundary("tfhe", TFHE, List.of(CORE, COMPILATION, QUANTIZATION, ONNX, MODELS, CLI, BENCHMARKS, SMILE)),
            new Boundary("compilation", COMPILATION, List.of(QUANTIZATION, ONNX, MODELS, CLI, BENCHMARKS, SMILE)),
            new Boundary("quantization", QUANTIZATION, List.of(TFHE, ONNX, MODELS, CLI, BENCHMARKS, SMILE)),
            new Boundary("onnx", ONNX, List.of(TFHE, MODELS, CLI, BENCHMARKS, SMILE)),
            new Boundary("models", MODELS, List.of(TFHE, SERVER, CLI, BENCHMARKS, ANY_SPARK, APACHE_SPARK)),
            new Boundary("server", SERVER, List.of(QUANTIZATION, ONNX, CLI, BENCHMARKS, SMILE, ANY_SPARK,
                    APACHE_SPARK)),
            new Boundary("cli", CLI, List.of(BENCHMARKS, ANY_SPARK, APACHE_SPARK)),
            new Boundary("spark", SPARK, List.of(TFHE, QUANTIZATION, ONNX, MODELS, CLI, BENCHMARKS, SMILE,
                    SPARK_CLIENT)),
            new Boundary("spark (client helper)", SPARK_CLIENT, List.of(TFHE, CLI, BENCHMARKS)));

    private ModuleBoundaries() {
    }
}

package org.fheml.compilation;

import static org.fheml.compilation.Encryption.ENCRYPTED;

import java.util.Map;
import java.util.SplittableRandom;
import org.fheml.tfhe.optimizer.BootstrapParameters;
import org.fheml.tfhe.params.ParameterSet;
import org.fheml.tfhe.params.TfheParameters;

/** Small circuits the concurrency and request tests share: a per-element lookup and a depth-2 decision tree. */
final class TestCircuits {

    private TestCircuits() {
    }

    /** x of shape (8,), values 0..7: element e becomes (x·(e + 1)) mod 8, a different table per element. */
    static Circuit lookup() {
        long[][] tables = new long[8][8];
        for (int e = 0; e < 8; e++) {
            for (int v = 0; v < 8; v++) {
                tables[e][v] = (long) v * (e + 1) % 8;
            }
        }
        return Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").lookup(tables))
                .inputShape("x", 8).compile(new long[][] {{0, 0, 0, 0, 0, 0, 0, 0}, {7, 7, 7, 7, 7, 7, 7, 7}});
    }

    /**
     * A decision tree over 3 features of 0..7 in Concrete ML's formulation: x0 ≤ 3, then x1 ≤ 2 or x2 ≤ 5 decide
     * (3 comparison lookups), a matmul counts the decisions each leaf needs, and 4 equality lookups pick the leaf
     * whose value (1, 2, 3 or 4) comes out.
     */
    static Circuit tree() {
        long[] thresholds = {3, 2, 5};
        long[][] paths = {{1, 1, -1, -1}, {1, -1, 0, 0}, {0, 0, 1, -1}};
        long[] needed = {2, 1, 1, 0};
        return Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").subtract(Tracer.constant(thresholds))
                        .lessEqual(0).matmul(paths).subtract(Tracer.constant(needed)).equal(0)
                        .dot(new long[] {1, 2, 3, 4}))
                .inputShape("x", 3).compile(new long[][] {{0, 0, 0}, {7, 7, 7}, {0, 7, 0}, {7, 0, 7}});
    }

    /**
     * The same circuit on the tiny INSECURE_TEST_P4 parameters (n 64, N 512) instead of its 128-bit ones, for
     * tests that run thousands of bootstraps: its encoding, lookup precision and bootstrap count are kept.
     */
    static Circuit insecure(Circuit circuit) {
        return insecure(circuit, circuit.options());
    }

    /** {@link #insecure(Circuit)} compiled with other options (a key cache, say). */
    static Circuit insecure(Circuit circuit, CompileOptions options) {
        CircuitParameters.Bootstrapped secure = (CircuitParameters.Bootstrapped) circuit.parameters();
        TfheParameters p = ParameterSet.INSECURE_TEST_P4.parameters();
        BootstrapParameters tiny = new BootstrapParameters(secure.pbsPrecision(), p.lweDimension().value(),
                p.glweDimension().value(), p.polynomialSize().value(), p.lweNoiseStd(), p.glweNoiseStd(),
                p.pbsBaseLog().value(), p.pbsLevels().value(), p.ksBaseLog().value(), p.ksLevels().value(), true, 1,
                -40, 0, 0, p.bootstrapKeyBytes(), p.keyswitchKeyBytes());
        return new Circuit(circuit.graph(), options, new CircuitParameters.Bootstrapped(
                secure.encodingBits(), secure.pbsPrecision(), secure.bootstrapCount(), tiny));
    }

    /** A random valid input of the circuit (values 0..7 in every element). */
    static long[] input(Circuit circuit, SplittableRandom random) {
        long[] x = new long[circuit.graph().inputs().getFirst().shape().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextInt(8);
        }
        return x;
    }
}

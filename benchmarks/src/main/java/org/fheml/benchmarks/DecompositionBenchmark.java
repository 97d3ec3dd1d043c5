package org.fheml.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fheml.tfhe.math.SignedDecomposer;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The signed gadget decomposition of one polynomial of N torus coefficients (TFHE_LIB_GATE: base 2^7, 3 levels). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecompositionBenchmark {

    @Param({"1024"})
    public int polynomialSize;
    @Param({"7"})
    public int baseLog;
    @Param({"3"})
    public int levels;

    private SignedDecomposer decomposer;
    private long[] polynomial;
    private long[] digits;

    @Setup
    public void setUp() {
        decomposer = new SignedDecomposer(new DecompositionBaseLog(baseLog), new DecompositionLevelCount(levels));
        polynomial = new SplittableRandom(3).longs(polynomialSize).toArray();
        digits = new long[levels * polynomialSize];
    }

    @Benchmark
    public long decomposePolynomial() {
        decomposer.decomposePolynomial(polynomial, 0, polynomialSize, digits);
        return digits[1];
    }
}

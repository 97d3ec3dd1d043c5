package org.fheml.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fheml.tfhe.math.IntegerKernel;
import org.fheml.tfhe.math.IntegerKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The keyswitch's inner kernel for one input coefficient, single-threaded, on TFHE_LIB_GATE sizes (8 levels, output
 * LWE size 631): {@code subtractDigitCombination} on the 64-bit torus and {@code subtractDigitCombination32} with a
 * key rounded to 32 bits, each with every kernel: the scalar reference and the vector kernel at 128, 256 and 512
 * bits (one JVM fork per kernel; a width above the JVM's widest fails its setup and is skipped).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IntegerKernelBenchmark {

    @Param({"scalar", "vector-128", "vector-256", "vector-512"})
    public String kernel;

    @Param({"8"})
    public int levels;

    @Param({"631"})
    public int length;

    private IntegerKernel integerKernel;
    private long[] rows;
    private int[] rows32;
    private long[] digits;
    private long[] dst;
    private int[] dst32;

    @Setup
    public void setUp() {
        integerKernel = IntegerKernels.named(kernel);
        SplittableRandom random = new SplittableRandom(5);
        rows = random.longs((long) levels * length).toArray();
        rows32 = random.ints((long) levels * length).toArray();
        digits = random.longs(levels, -2, 3).toArray();
        digits[0] = 1;
        dst = new long[length];
        dst32 = new int[length];
    }

    @Benchmark
    public long subtractDigitCombination() {
        integerKernel.subtractDigitCombination(dst, 0, rows, 0, digits, levels, length);
        return dst[1];
    }

    @Benchmark
    public int subtractDigitCombination32() {
        integerKernel.subtractDigitCombination(dst32, 0, rows32, 0, digits, levels, length);
        return dst32[1];
    }
}

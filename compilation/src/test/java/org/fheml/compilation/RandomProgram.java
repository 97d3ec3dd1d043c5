package org.fheml.compilation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;

/**
 * A random small integer program over one encrypted vector, kept as an expression tree with two independent
 * interpreters: plain Java on long arrays, and tracing into a circuit. Differential tests compare them.
 */
final class RandomProgram {

    /** One step of the program, applied to the running value. */
    sealed interface Step {
        record AddConstant(long c) implements Step { }
        record MultiplyConstant(long c) implements Step { }
        record Negate() implements Step { }
        record AddInput() implements Step { }
        record Matmul(long[][] w) implements Step { }
        record Table(long[] table) implements Step { }
        record Relu() implements Step { }
        record Round(int lsbs) implements Step { }
        record Truncate(int lsbs) implements Step { }
    }

    final int length;
    final int inputBits;
    final List<Step> steps;

    private RandomProgram(int length, int inputBits, List<Step> steps) {
        this.length = length;
        this.inputBits = inputBits;
        this.steps = steps;
    }

    static RandomProgram generate(long seed, int maxInputBits) {
        SplittableRandom random = new SplittableRandom(seed);
        int length = 1 + random.nextInt(3);
        int inputBits = 1 + random.nextInt(maxInputBits);
        List<Step> steps = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        int currentLength = length;
        for (int i = 0; i < count; i++) {
            Step step = switch (random.nextInt(9)) {
                case 0 -> new Step.AddConstant(random.nextLong(-5, 6));
                case 1 -> new Step.MultiplyConstant(random.nextLong(-3, 4));
                case 2 -> new Step.Negate();
                case 3 -> currentLength == length ? new Step.AddInput() : new Step.Negate();
                case 4 -> {
                    int out = 1 + random.nextInt(3);
                    long[][] w = new long[out][currentLength];
                    for (long[] row : w) {
                        for (int j = 0; j < row.length; j++) {
                            row[j] = random.nextLong(-3, 4);
                        }
                    }
                    currentLength = out;
                    yield new Step.Matmul(w);
                }
                case 5 -> new Step.Table(null);
                case 6 -> new Step.Relu();
                case 7 -> new Step.Round(1 + random.nextInt(2));
                default -> new Step.Truncate(1 + random.nextInt(2));
            };
            steps.add(step);
        }
        return new RandomProgram(length, inputBits, withTables(steps, random));
    }

    /** Tables get random contents, indexed from 0 after the input is shifted to its smallest possible value. */
    private static List<Step> withTables(List<Step> steps, SplittableRandom random) {
        List<Step> out = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Step.Table) {
                long[] table = new long[64];
                for (int i = 0; i < table.length; i++) {
                    table[i] = random.nextLong(-8, 9);
                }
                out.add(new Step.Table(table));
            } else {
                out.add(step);
            }
        }
        return out;
    }

    private static LongUnaryOperator tableFunction(long[] table) {
        return v -> table[(int) Math.floorMod(v, table.length)];
    }

    /** The program on plain Java arrays. */
    long[] evaluatePlain(long[] x) {
        long[] value = x.clone();
        for (Step step : steps) {
            long[] current = value;
            value = switch (step) {
                case Step.AddConstant s -> map(current, v -> v + s.c());
                case Step.MultiplyConstant s -> map(current, v -> v * s.c());
                case Step.Negate s -> map(current, v -> -v);
                case Step.AddInput s -> {
                    long[] sum = new long[current.length];
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] = current[i] + x[i];
                    }
                    yield sum;
                }
                case Step.Matmul s -> {
                    long[] product = new long[s.w().length];
                    for (int i = 0; i < product.length; i++) {
                        for (int j = 0; j < current.length; j++) {
                            product[i] += s.w()[i][j] * current[j];
                        }
                    }
                    yield product;
                }
                case Step.Table s -> map(current, tableFunction(s.table()));
                case Step.Relu s -> map(current, v -> Math.max(v, 0));
                case Step.Round s -> map(current, v -> Math.floorDiv(v + (1L << (s.lsbs() - 1)), 1L << s.lsbs()) << s.lsbs());
                case Step.Truncate s -> map(current, v -> Math.floorDiv(v, 1L << s.lsbs()) << s.lsbs());
            };
        }
        return value;
    }

    private static long[] map(long[] values, LongUnaryOperator f) {
        long[] out = new long[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsLong(values[i]);
        }
        return out;
    }

    /** The program traced and compiled on every possible input. */
    Circuit compile() {
        return compile(CompileOptions.defaults());
    }

    Circuit compile(CompileOptions options) {
        return compiler().compile(allInputs(), options);
    }

    /** The program compiled with x declared in {@code range}, on the given inputset. */
    Circuit compile(InputRange range, long[][] inputset, CompileOptions options) {
        return compiler().inputShape("x", length).inputRange("x", range).compile(inputset, options);
    }

    /** The same program, ending with a lookup (a relu) unless it already bootstraps somewhere. */
    RandomProgram withLookup() {
        boolean bootstraps = steps.stream().anyMatch(s -> s instanceof Step.Table || s instanceof Step.Relu
                || s instanceof Step.Round || s instanceof Step.Truncate);
        if (bootstraps) {
            return this;
        }
        List<Step> more = new ArrayList<>(steps);
        more.add(new Step.Relu());
        return new RandomProgram(length, inputBits, more);
    }

    private Compiler compiler() {
        return Compiler.of(Map.of("x", Encryption.ENCRYPTED), in -> {
            Tracer x = in.get("x");
            Tracer value = x;
            for (Step step : steps) {
                value = switch (step) {
                    case Step.AddConstant s -> value.add(s.c());
                    case Step.MultiplyConstant s -> value.multiply(s.c());
                    case Step.Negate s -> value.negate();
                    case Step.AddInput s -> value.add(x);
                    case Step.Matmul s -> Tracer.constant(s.w()).matmul(value);
                    case Step.Table s -> value.apply("table", tableFunction(s.table()));
                    case Step.Relu s -> value.relu();
                    case Step.Round s -> value.roundBitPattern(s.lsbs());
                    case Step.Truncate s -> value.truncateBitPattern(s.lsbs());
                };
            }
            return value;
        });
    }

    /** Every vector of {@code length} values of {@code inputBits} unsigned bits. */
    long[][] allInputs() {
        int values = 1 << inputBits;
        int count = (int) Math.pow(values, length);
        long[][] all = new long[count][length];
        for (int i = 0; i < count; i++) {
            int rest = i;
            for (int j = 0; j < length; j++) {
                all[i][j] = rest % values;
                rest /= values;
            }
        }
        return all;
    }

    @Override
    public String toString() {
        return "RandomProgram(length " + length + ", " + inputBits + "-bit inputs, " + steps + ")";
    }
}

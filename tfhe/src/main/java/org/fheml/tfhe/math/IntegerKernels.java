package org.fheml.tfhe.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The choice, made once at start-up, of the {@link IntegerKernel} the runtime uses: the jdk.incubator.vector kernel
 * at the JVM's preferred vector width when that module is present, else the scalar reference, with one logged line
 * saying so. The system property {@code fheml.integer.kernel} forces a kernel: {@code scalar}, {@code vector} or
 * {@code vector-128}, {@code vector-256}, {@code vector-512}.
 */
public final class IntegerKernels {

    private static final IntegerKernel SCALAR = new ScalarIntegerKernel();
    private static final boolean VECTOR_MODULE = KernelLog.vectorModulePresent("integer");
    private static final IntegerKernel PREFERRED = choose();

    private IntegerKernels() {
    }

    public static IntegerKernel scalar() {
        return SCALAR;
    }

    /**
     * Every kernel available on this JVM, the scalar reference first, then the vector kernel at each width from
     * 128 bits up to the preferred one: differential tests run them all, and benchmarks time each.
     */
    public static List<IntegerKernel> all() {
        return Widths.ALL;
    }

    /** The kernel the runtime uses by default. */
    public static IntegerKernel preferred() {
        return PREFERRED;
    }

    /**
     * The kernel of that name ({@code scalar} or {@code vector-BITS}), defining no other width (see
     * {@code FftKernels.named}).
     *
     * @throws IllegalArgumentException when this JVM has no such kernel
     */
    public static IntegerKernel named(String name) {
        if (name.equals(SCALAR.name()) || name.equals(PREFERRED.name())) {
            return name.equals(SCALAR.name()) ? SCALAR : PREFERRED;
        }
        for (int bits : vectorWidths()) {
            if (name.equals("vector-" + bits)) {
                return VectorIntegerKernel.atWidth(bits);
            }
        }
        throw new IllegalArgumentException("No integer kernel " + name + " on this JVM: scalar or vector-BITS for "
                + "BITS in " + vectorWidths());
    }

    /** The vector widths in bits this JVM compiles the vector kernel at (empty without jdk.incubator.vector). */
    public static List<Integer> vectorWidths() {
        if (!VECTOR_MODULE) {
            return List.of();
        }
        List<Integer> widths = new ArrayList<>();
        for (int bits = 128; bits <= VectorIntegerKernel.preferredBits(); bits *= 2) {
            widths.add(bits);
        }
        return List.copyOf(widths);
    }

    private static IntegerKernel choose() {
        String forced = System.getProperty("fheml.integer.kernel", "").trim().toLowerCase(Locale.ROOT);
        if (forced.equals("scalar") || !VECTOR_MODULE) {
            return SCALAR;
        }
        int bits = VectorIntegerKernel.preferredBits();
        if (forced.startsWith("vector-")) {
            bits = Integer.parseInt(forced.substring("vector-".length()));
            if (!vectorWidths().contains(bits)) {
                throw new IllegalArgumentException("fheml.integer.kernel=" + forced + ": this JVM vectorises "
                        + vectorWidths() + " bits");
            }
        } else if (!forced.isEmpty() && !forced.equals("vector")) {
            throw new IllegalArgumentException("fheml.integer.kernel=" + forced
                    + ": use scalar, vector or vector-BITS");
        }
        try {
            return VectorIntegerKernel.atWidth(bits);
        } catch (LinkageError | RuntimeException e) {
            KernelLog.log("The SIMD integer kernel is unavailable (" + e + "): scalar integer kernel");
            return SCALAR;
        }
    }

    /** The kernels at every width, defined on first use only: the runtime needs just the preferred one. */
    private static final class Widths {
        static final List<IntegerKernel> ALL = load();

        private static List<IntegerKernel> load() {
            List<IntegerKernel> kernels = new ArrayList<>(List.of(SCALAR));
            for (int bits : vectorWidths()) {
                kernels.add(PREFERRED.name().equals("vector-" + bits) ? PREFERRED : VectorIntegerKernel.atWidth(bits));
            }
            return List.copyOf(kernels);
        }
    }
}

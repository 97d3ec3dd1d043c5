package org.fheml.tfhe.fft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fheml.tfhe.math.KernelLog;

/**
 * The choice, made once at start-up, of the {@link FftKernel} the runtime uses: the jdk.incubator.vector kernel at
 * the JVM's preferred vector width when that module is present (run with {@code --add-modules jdk.incubator.vector})
 * and the width is one where it beats the scalar reference (every width from 128 bits), else the scalar reference,
 * with one logged line saying why. The system property {@code fheml.fft.kernel} forces a kernel: {@code scalar}, {@code vector} (the preferred
 * width, whatever it is) or {@code vector-128}, {@code vector-256}, {@code vector-512}.
 */
public final class FftKernels {

    /**
     * The narrowest width at which the vector kernel is chosen without being asked for. Measured on an AVX-512 Xeon
     * (issue 13): one external product of the tfhe-lib gate set takes about half the scalar kernel's time with
     * 128-bit vectors (-XX:MaxVectorSize=16), a third with 256-bit vectors under -XX:UseAVX=2, a quarter or less
     * with 512-bit vectors. Narrower than 128 bits (a single double lane) the scalar kernel runs.
     */
    static final int NARROWEST_DEFAULT_BITS = 128;

    private static final FftKernel SCALAR = new ScalarFftKernel();
    private static final boolean VECTOR_MODULE = KernelLog.vectorModulePresent("FFT");
    private static final FftKernel PREFERRED = choose();

    private FftKernels() {
    }

    /** The scalar reference kernel. */
    public static FftKernel scalar() {
        return SCALAR;
    }

    /**
     * Every kernel available on this JVM, the scalar reference first, then the vector kernel at each width from
     * 128 bits up to the preferred one: differential tests run them all, and benchmarks time each.
     */
    public static List<FftKernel> all() {
        return Widths.ALL;
    }

    /** The kernel the runtime uses by default. */
    public static FftKernel preferred() {
        return PREFERRED;
    }

    /**
     * The kernel of that name ({@code scalar} or {@code vector-BITS}), defining no other width: benchmarks time one
     * kernel per JVM, and code compiled for several widths in one JVM can run slower (C2 shares the Vector API's
     * own methods between them).
     *
     * @throws IllegalArgumentException when this JVM has no such kernel
     */
    public static FftKernel named(String name) {
        if (name.equals(SCALAR.name()) || name.equals(PREFERRED.name())) {
            return name.equals(SCALAR.name()) ? SCALAR : PREFERRED;
        }
        for (int bits : vectorWidths()) {
            if (name.equals("vector-" + bits)) {
                return VectorFftKernel.atWidth(bits);
            }
        }
        throw new IllegalArgumentException("No FFT kernel " + name + " on this JVM: scalar or vector-BITS for BITS in "
                + vectorWidths());
    }

    /** The vector widths in bits this JVM compiles the vector kernel at (empty without jdk.incubator.vector). */
    public static List<Integer> vectorWidths() {
        if (!VECTOR_MODULE) {
            return List.of();
        }
        List<Integer> widths = new ArrayList<>();
        for (int bits = 128; bits <= VectorFftKernel.preferredBits(); bits *= 2) {
            widths.add(bits);
        }
        return List.copyOf(widths);
    }

    private static FftKernel choose() {
        String forced = System.getProperty("fheml.fft.kernel", "").trim().toLowerCase(Locale.ROOT);
        if (forced.equals("scalar") || !VECTOR_MODULE) {
            return SCALAR;
        }
        int preferredBits = VectorFftKernel.preferredBits();
        if (forced.startsWith("vector-")) {
            int bits = Integer.parseInt(forced.substring("vector-".length()));
            if (!vectorWidths().contains(bits)) {
                throw new IllegalArgumentException("fheml.fft.kernel=" + forced + ": this JVM vectorises "
                        + vectorWidths() + " bits");
            }
            return VectorFftKernel.atWidth(bits);
        }
        if (!forced.isEmpty() && !forced.equals("vector")) {
            throw new IllegalArgumentException("fheml.fft.kernel=" + forced + ": use scalar, vector or vector-BITS");
        }
        if (forced.isEmpty() && preferredBits < NARROWEST_DEFAULT_BITS) {
            KernelLog.log("FFT kernel: scalar, this JVM's vectors (" + preferredBits + " bits) hold one double");
            return SCALAR;
        }
        try {
            return VectorFftKernel.atWidth(preferredBits);
        } catch (LinkageError | RuntimeException e) {
            KernelLog.log("The SIMD FFT kernel is unavailable (" + e + "): scalar FFT kernel");
            return SCALAR;
        }
    }

    /** The kernels at every width, defined on first use only: the runtime needs just the preferred one. */
    private static final class Widths {
        static final List<FftKernel> ALL = load();

        private static List<FftKernel> load() {
            List<FftKernel> kernels = new ArrayList<>(List.of(SCALAR));
            for (int bits : vectorWidths()) {
                kernels.add(PREFERRED.name().equals("vector-" + bits) ? PREFERRED : VectorFftKernel.atWidth(bits));
            }
            return List.copyOf(kernels);
        }
    }
}

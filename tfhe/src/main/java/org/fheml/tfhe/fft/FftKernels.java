package org.fheml.tfhe.fft;

import java.util.ArrayList;
import java.util.List;

/**
 * The choice, made once at start-up, of the {@link FftKernel} the runtime uses: the jdk.incubator.vector kernel when
 * that module is present (run with {@code --add-modules jdk.incubator.vector}), else the scalar reference, with one
 * logged line saying so. The system property {@code fheml.fft.kernel=scalar} forces the scalar kernel.
 */
public final class FftKernels {

    private static final FftKernel SCALAR = new ScalarFftKernel();
    private static final FftKernel VECTOR = loadVectorKernel();
    private static final FftKernel PREFERRED =
            VECTOR != null && !"scalar".equals(System.getProperty("fheml.fft.kernel")) ? VECTOR : SCALAR;

    private FftKernels() {
    }

    /** The scalar reference kernel. */
    public static FftKernel scalar() {
        return SCALAR;
    }

    /** Every kernel available on this JVM, the scalar reference first: differential tests run them all. */
    public static List<FftKernel> all() {
        List<FftKernel> kernels = new ArrayList<>(List.of(SCALAR));
        if (VECTOR != null) {
            kernels.add(VECTOR);
        }
        return List.copyOf(kernels);
    }

    /** The kernel the runtime uses by default. */
    public static FftKernel preferred() {
        return PREFERRED;
    }

    private static FftKernel loadVectorKernel() {
        try {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                log("jdk.incubator.vector is not loaded (add --add-modules jdk.incubator.vector): scalar FFT kernel");
                return null;
            }
            return (FftKernel) Class.forName("org.fheml.tfhe.fft.VectorFftKernel").getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            log("The SIMD FFT kernel is unavailable (" + e + "): scalar FFT kernel");
            return null;
        }
    }

    private static void log(String message) {
        System.getLogger(FftKernels.class.getName()).log(System.Logger.Level.INFO, message);
    }
}

package org.fheml.tfhe.math;

import java.util.ArrayList;
import java.util.List;

/**
 * The choice, made once at start-up, of the {@link IntegerKernel} the runtime uses: the jdk.incubator.vector kernel
 * when that module is present, else the scalar reference, with one logged line saying so. The system property
 * {@code fheml.integer.kernel=scalar} forces the scalar kernel.
 */
public final class IntegerKernels {

    private static final IntegerKernel SCALAR = new ScalarIntegerKernel();
    private static final IntegerKernel VECTOR = loadVectorKernel();
    private static final IntegerKernel PREFERRED =
            VECTOR != null && !"scalar".equals(System.getProperty("fheml.integer.kernel")) ? VECTOR : SCALAR;

    private IntegerKernels() {
    }

    public static IntegerKernel scalar() {
        return SCALAR;
    }

    /** Every kernel available on this JVM, the scalar reference first: differential tests run them all. */
    public static List<IntegerKernel> all() {
        List<IntegerKernel> kernels = new ArrayList<>(List.of(SCALAR));
        if (VECTOR != null) {
            kernels.add(VECTOR);
        }
        return List.copyOf(kernels);
    }

    /** The kernel the runtime uses by default. */
    public static IntegerKernel preferred() {
        return PREFERRED;
    }

    private static IntegerKernel loadVectorKernel() {
        try {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                log("jdk.incubator.vector is not loaded (add --add-modules jdk.incubator.vector): scalar integer kernel");
                return null;
            }
            return (IntegerKernel) Class.forName("org.fheml.tfhe.math.VectorIntegerKernel").getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            log("The SIMD integer kernel is unavailable (" + e + "): scalar integer kernel");
            return null;
        }
    }

    private static void log(String message) {
        System.getLogger(IntegerKernels.class.getName()).log(System.Logger.Level.INFO, message);
    }
}

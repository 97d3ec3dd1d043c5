package org.fheml.tfhe.math;

/** The one line the start-up choice of a SIMD kernel logs, and the check for the jdk.incubator.vector module. */
public final class KernelLog {

    private KernelLog() {
    }

    /** Whether jdk.incubator.vector is loaded; logs one line saying what runs instead when it is not. */
    public static boolean vectorModulePresent(String kernel) {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            return true;
        }
        log("jdk.incubator.vector is not loaded (add --add-modules jdk.incubator.vector): scalar " + kernel + " kernel");
        return false;
    }

    public static void log(String message) {
        System.getLogger("org.fheml.tfhe.kernels").log(System.Logger.Level.INFO, message);
    }
}

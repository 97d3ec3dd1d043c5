package org.fheml.cli;

import java.io.PrintWriter;
import org.fheml.tfhe.optimizer.BootstrapParameters;

/** Prints a bootstrap parameter set for people: sizes, noise, decompositions, p_error, security, cost, key sizes. */
final class ParameterText {

    private ParameterText() {
    }

    static void print(PrintWriter out, BootstrapParameters p) {
        out.printf("Cheapest %s-bit secure parameters for %d-bit bootstraps (2-norm %s, p_error %.3g per bootstrap)%n",
                (int) Math.floor(p.securityBits() + 1e-9), p.precision(), trim(p.norm2()), Math.pow(2, p.log2PError()));
        row(out, "LWE dimension n", String.valueOf(p.lweDimension()));
        row(out, "GLWE dimension k", String.valueOf(p.glweDimension()));
        row(out, "polynomial size N", p.polynomialSize() + " (2^" + Integer.numberOfTrailingZeros(p.polynomialSize()) + ")");
        row(out, "LWE noise std", String.format("2^%.2f of the torus", log2(p.lweNoiseStd())));
        row(out, "GLWE noise std", String.format("2^%.2f of the torus", log2(p.glweNoiseStd())));
        row(out, "bootstrap decomposition", "base 2^" + p.pbsBaseLog() + ", " + p.pbsLevel() + " level(s)");
        row(out, "keyswitch decomposition", "base 2^" + p.ksBaseLog() + ", " + p.ksLevel() + " level(s)");
        row(out, "modulus switch", p.centeredModulusSwitch() ? "centered mean" : "plain");
        row(out, "predicted p_error", String.format("2^%.2f (%.3g)", p.log2PError(), Math.pow(2, p.log2PError())));
        row(out, "security", String.format("%.1f bits", p.securityBits()));
        row(out, "cost", String.format("%.1f (x 2^20 operations, Concrete's cost model)", p.cost()));
        row(out, "bootstrap key", mebibytes(p.bootstrapKeyBytes()) + " (Fourier form)");
        row(out, "keyswitch key", mebibytes(p.keyswitchKeyBytes()));
    }

    static void row(PrintWriter out, String name, String value) {
        out.printf("  %-24s %s%n", name, value);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String mebibytes(long bytes) {
        return String.format("%.1f MiB", bytes / 1048576.0);
    }
}

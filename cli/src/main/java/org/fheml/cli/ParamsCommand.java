package org.fheml.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.fheml.tfhe.optimizer.BootstrapParameters;
import org.fheml.tfhe.optimizer.BootstrapQuery;
import org.fheml.tfhe.optimizer.CostModel;
import org.fheml.tfhe.optimizer.ParameterOptimizer;
import org.fheml.tfhe.optimizer.SecurityLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Prints the cheapest secure bootstrap parameters the optimizer finds for a precision and a failure probability. */
@Command(name = "params",
        mixinStandardHelpOptions = true,
        description = {"Chooses the cheapest 128-bit (or 132-bit) secure KS-PBS parameters whose bootstraps resolve "
                + "the given precision with the given failure probability, and prints them with their predicted "
                + "p_error, security, cost and key sizes.",
                "Without --p-error or --global-p-error, the whole circuit may fail with probability 1e-5 "
                        + "(Concrete's default global p_error)."})
final class ParamsCommand implements Callable<Integer> {

    private static final double DEFAULT_GLOBAL_P_ERROR = 1e-5;

    @Spec
    private CommandSpec spec;

    @Option(names = "--precision", required = true, description = "Bits each bootstrap resolves (1..16).")
    private int precision;

    @Option(names = "--p-error", description = "Failure probability allowed per bootstrap.")
    private Double pError;

    @Option(names = "--global-p-error", description = "Failure probability allowed for the whole circuit "
            + "(with --pbs-count).")
    private Double globalPError;

    @Option(names = "--pbs-count", description = "Number of bootstraps in the circuit, for --global-p-error.")
    private Long pbsCount;

    @Option(names = "--norm2", defaultValue = "1",
            description = "2-norm of the integer weights between two bootstraps (default: ${DEFAULT-VALUE}).")
    private double norm2;

    @Option(names = "--security", defaultValue = "128", description = "Security level in bits, 128 or 132 "
            + "(default: ${DEFAULT-VALUE}).")
    private int securityBits;

    @Option(names = "--modulus-switch", defaultValue = "centered",
            description = "Modulus switch of the runtime: centered (mean-corrected, the fheml runtime's) or plain "
                    + "(Concrete's v0 tables) (default: ${DEFAULT-VALUE}).")
    private ModulusSwitchKind modulusSwitch;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    /** The two modulus-switch variants the noise model knows. */
    enum ModulusSwitchKind { centered, plain }

    @Override
    public Integer call() throws Exception {
        BootstrapParameters chosen = ParameterOptimizer.optimize(query());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(chosen));
        } else {
            printText(out, chosen);
        }
        out.flush();
        return 0;
    }

    private BootstrapQuery query() {
        if (pError != null && globalPError != null) {
            throw new ParameterException(spec.commandLine(), "Give either --p-error or --global-p-error, not both.");
        }
        if (pbsCount != null && globalPError == null) {
            throw new ParameterException(spec.commandLine(), "--pbs-count goes with --global-p-error.");
        }
        SecurityLevel level;
        try {
            level = SecurityLevel.ofBits(securityBits);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            BootstrapQuery base = pError != null
                    ? BootstrapQuery.perBootstrap(precision, norm2, pError)
                    : BootstrapQuery.global(precision, norm2, globalPError != null ? globalPError : DEFAULT_GLOBAL_P_ERROR,
                            pbsCount != null ? pbsCount : 1);
            return new BootstrapQuery(base.precision(), base.norm2(), base.pErrorPerBootstrap(), level,
                    modulusSwitch == ModulusSwitchKind.centered, CostModel.DEFAULT_SUM_SIZE);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static void printText(PrintWriter out, BootstrapParameters p) {
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

    private static void row(PrintWriter out, String name, String value) {
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

package org.fheml.cli;

import org.fheml.tfhe.optimizer.BootstrapQuery;
import org.fheml.tfhe.optimizer.CostModel;
import org.fheml.tfhe.optimizer.SecurityLevel;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options that ask the parameter optimizer for a bootstrap parameter set, shared by params and bench pbs. */
final class ParameterQueryOptions {

    /** Concrete's default failure probability of a whole circuit. */
    static final double DEFAULT_GLOBAL_P_ERROR = 1e-5;

    @Option(names = "--precision", required = true, description = "Bits each bootstrap resolves (1..16).")
    int precision;

    @Option(names = "--p-error", description = "Failure probability allowed per bootstrap.")
    Double pError;

    @Option(names = "--global-p-error", description = "Failure probability allowed for the whole circuit "
            + "(with --pbs-count).")
    Double globalPError;

    @Option(names = "--pbs-count", description = "Number of bootstraps in the circuit, for --global-p-error.")
    Long pbsCount;

    @Option(names = "--norm2", defaultValue = "1",
            description = "2-norm of the integer weights between two bootstraps (default: ${DEFAULT-VALUE}).")
    double norm2;

    @Option(names = "--security", defaultValue = "128", description = "Security level in bits, 128 or 132 "
            + "(default: ${DEFAULT-VALUE}).")
    int securityBits;

    @Option(names = "--modulus-switch", defaultValue = "centered",
            description = "Modulus switch of the runtime: centered (mean-corrected, the fheml runtime's default) or "
                    + "plain (Concrete's v0 tables) (default: ${DEFAULT-VALUE}).")
    ModulusSwitchKind modulusSwitch;

    /** The two modulus-switch variants the noise model knows. */
    enum ModulusSwitchKind { centered, plain }

    /** The optimizer query these options describe; contradictions are usage errors. */
    BootstrapQuery query(CommandLine commandLine) {
        if (pError != null && globalPError != null) {
            throw new ParameterException(commandLine, "Give either --p-error or --global-p-error, not both.");
        }
        if (pbsCount != null && globalPError == null) {
            throw new ParameterException(commandLine, "--pbs-count goes with --global-p-error.");
        }
        try {
            SecurityLevel level = SecurityLevel.ofBits(securityBits);
            BootstrapQuery base = pError != null
                    ? BootstrapQuery.perBootstrap(precision, norm2, pError)
                    : BootstrapQuery.global(precision, norm2, globalPError != null ? globalPError : DEFAULT_GLOBAL_P_ERROR,
                            pbsCount != null ? pbsCount : 1);
            return new BootstrapQuery(base.precision(), base.norm2(), base.pErrorPerBootstrap(), level,
                    modulusSwitch == ModulusSwitchKind.centered, CostModel.DEFAULT_SUM_SIZE);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, e.getMessage());
        }
    }
}

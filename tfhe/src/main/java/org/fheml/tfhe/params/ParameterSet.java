package org.fheml.tfhe.params;

import java.util.Locale;
import org.fheml.tfhe.InvalidParameterException;
import org.fheml.tfhe.optimizer.SecurityLevel;

/**
 * Named parameter sets. The secure ones come from published tables (tfhe-engine.md §5): Concrete's v0 table at
 * 128 bits (noise from the 128-bit curve at n and at kN) and TFHE-rs's Gaussian 2^-64 sets (132 bits). The sets whose
 * name contains {@code INSECURE} exist to make tests fast or to compare speeds and must never protect data.
 */
public enum ParameterSet {
    CONCRETE_V0_P1(1, true, concreteV0(592, 5, 256, 15, 1, 3, 3)),
    CONCRETE_V0_P2(2, true, concreteV0(700, 5, 256, 15, 1, 4, 3)),
    CONCRETE_V0_P3(3, true, concreteV0(722, 3, 512, 18, 1, 4, 3)),
    CONCRETE_V0_P4(4, true, concreteV0(801, 2, 1024, 23, 1, 4, 3)),
    CONCRETE_V0_P5(5, true, concreteV0(783, 1, 2048, 23, 1, 3, 5)),
    CONCRETE_V0_P6(6, true, concreteV0(880, 1, 4096, 22, 1, 4, 4)),
    CONCRETE_V0_P7(7, true, concreteV0(915, 1, 8192, 22, 1, 3, 6)),
    CONCRETE_V0_P8(8, true, concreteV0(1006, 1, 16384, 15, 2, 4, 5)),
    /** TFHE-rs {@code PARAM_MESSAGE_2_CARRY_2_KS_PBS_GAUSSIAN_2M64}: 4 bits, 132-bit security. */
    TFHE_RS_2_2_G2M64(4, true, TfheParameters.of(833, 1, 2048, 3.6158408373309336e-06, 2.845267479601915e-15, 23, 1, 3, 5)),
    /** TFHE-rs {@code PARAM_MESSAGE_3_CARRY_3_KS_PBS_GAUSSIAN_2M64}: 6 bits. */
    TFHE_RS_3_3_G2M64(6, true, TfheParameters.of(977, 1, 8192, 3.0144389706858286e-07, 2.168404344971009e-19, 15, 2, 3, 6)),
    /** TFHE-rs {@code PARAM_MESSAGE_4_CARRY_4_KS_PBS_GAUSSIAN_2M64}: 8 bits. */
    TFHE_RS_4_4_G2M64(8, true, TfheParameters.of(1110, 1, 32768, 3.038278019865525e-08, 2.168404344971009e-19, 11, 3, 2, 11)),
    /**
     * The default gate-bootstrapping set of the original C++ TFHE library (n 630, N 1024, pbs 7/3, ks 2/8, noise
     * 2^-15 and 2^-25). Below 128 bits by today's curve: a speed anchor only.
     */
    TFHE_LIB_GATE_INSECURE(1, false, TfheParameters.of(630, 1, 1024, 0x1p-15, 0x1p-25, 7, 3, 2, 8)),
    /** Tiny and insecure: n 64, k 1, N 512, for fast tests of the bootstrap up to 4 bits. */
    INSECURE_TEST_P4(4, false, TfheParameters.of(64, 1, 512, 0x1p-30, 0x1p-40, 12, 2, 4, 6)),
    /** Tiny and insecure with k = 2: n 32, N 256, for fast tests of the bootstrap up to 3 bits. */
    INSECURE_TEST_K2(3, false, TfheParameters.of(32, 2, 256, 0x1p-30, 0x1p-40, 10, 3, 5, 5)),
    /**
     * Tiny and insecure, for tests of the exact 64-bit keyswitch: one keyswitch level of 24 bits over a key with
     * noise 2^-45. Rounding that key to 32 bits would add a variance of 2^-8.1, as much as (2^-4)², half a step at
     * 2 bits, so the runtime must keep the exact key (n 64, N 1024, pbs 18/2).
     */
    INSECURE_TEST_EXACT_KEYSWITCH(2, false, TfheParameters.of(64, 1, 1024, 0x1p-45, 0x1p-50, 18, 2, 24, 1));

    private final int precision;
    private final boolean secure;
    private final TfheParameters parameters;

    ParameterSet(int precision, boolean secure, TfheParameters parameters) {
        this.precision = precision;
        this.secure = secure;
        this.parameters = parameters;
    }

    /** The message precision p, in bits (padding bit excluded), the set was chosen for. */
    public int precision() {
        return precision;
    }

    /** Whether the set reaches at least 128 bits of security; insecure sets say so in their name. */
    public boolean secure() {
        return secure;
    }

    public TfheParameters parameters() {
        return parameters;
    }

    /** The set named {@code name}, ignoring case and accepting '-' for '_'. */
    public static ParameterSet named(String name) {
        String normalized = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ParameterSet set : values()) {
            if (set.name().equals(normalized)) {
                return set;
            }
        }
        throw new InvalidParameterException("No parameter set named '" + name + "': use one of "
                + java.util.Arrays.toString(values()));
    }

    /** The Concrete v0 set (128 bits, p_error 6.3e-5 per lookup at 2-norm 1) for precision p in 1..8. */
    public static ParameterSet concreteV0(int precision) {
        if (precision < 1 || precision > 8) {
            throw new InvalidParameterException("Concrete v0 sets cover precisions 1 to 8, got " + precision);
        }
        return values()[precision - 1];
    }

    private static TfheParameters concreteV0(int n, int k, int bigN, int pbsBaseLog, int pbsLevels, int ksBaseLog,
            int ksLevels) {
        SecurityLevel level = SecurityLevel.BITS_128;
        return TfheParameters.of(n, k, bigN, level.minimalStd(n), level.minimalStd(k * bigN), pbsBaseLog, pbsLevels,
                ksBaseLog, ksLevels);
    }
}

package org.fheml.tfhe.measure;

/** The noise terms of the KS → PBS pattern whose variance {@link NoiseVarianceMeasurement} measures. */
public enum NoiseTerm {
    /** A fresh encryption under the big key (dimension kN) with the GLWE noise. */
    FRESH_ENCRYPTION("fresh encryption"),
    /** The keyswitch from the big key to the small one, with the exact 64-bit keyswitch key. */
    KEYSWITCH("keyswitch"),
    /** What rounding the keyswitch key to 32 bits adds to a keyswitch (the difference of the two outputs). */
    KEYSWITCH_32_BIT_ROUNDING("32-bit keyswitch key rounding"),
    /** The plain modulus switch to 2N. */
    MODULUS_SWITCH_PLAIN("modulus switch, plain"),
    /** The modulus switch to 2N with the centred-mean correction. */
    MODULUS_SWITCH_CENTERED("modulus switch, centered"),
    /** The f64 FFT's rounding error in one external product (against the exact integer product). */
    EXTERNAL_PRODUCT_FFT("external product FFT error"),
    /** The blind rotation's output noise, over every coefficient of the accumulator. */
    BLIND_ROTATION("blind rotation"),
    /** What sample extraction adds: nothing, it only rearranges coefficients. */
    SAMPLE_EXTRACTION("sample extraction"),
    /** A bootstrap output keyswitched to the small key: v_BR + v_KS, the noise before the modulus switch. */
    KS_PBS_BEFORE_MODULUS_SWITCH("KS-PBS before modulus switch"),
    /** The same after the modulus switch: the noise at the bootstrap's decision point, which p_error is computed from. */
    KS_PBS_DECISION("KS-PBS at the decision point");

    private final String label;

    NoiseTerm(String label) {
        this.label = label;
    }

    /** A short human name for tables. */
    public String label() {
        return label;
    }
}

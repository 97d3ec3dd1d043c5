package org.fheml.cli;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The measurements of {@code bench accuracy} at one n_bits. Scores are accuracy (classifiers) or R² (regressors) on
 * the test rows; agreements are shares of rows equal to DISABLE's. A null was not measured: every EXECUTE field is
 * null when EXECUTE was skipped or is not available, and {@link #executeNote} says why.
 */
@JsonPropertyOrder({"nBits", "floatScore", "disableScore", "simulateScore", "executeScore", "executeRows",
        "simulateAgreement", "executeAgreement", "maxBitWidth", "pbsCount", "msPerRowExecute"})
record AccuracyRow(int nBits, double floatScore, double disableScore, double simulateScore, Double executeScore,
        Integer executeRows, double simulateAgreement, Double executeAgreement, int maxBitWidth, long pbsCount,
        Double msPerRowExecute, @JsonIgnore String executeNote) {
}

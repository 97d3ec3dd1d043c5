package org.fheml.cli;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The measurements of {@code bench accuracy} at one n_bits. Scores are accuracy (classifiers) or R² (regressors) on
 * all {@code testRows} test rows; EXECUTE runs on the first {@code executeRows} of them only, so the float model,
 * DISABLE and SIMULATE are scored on those same rows as well ({@code *OnExecuteRows}): compare EXECUTE with those.
 * Agreements are shares of rows equal to DISABLE's. A null was not measured: every EXECUTE field is null when
 * EXECUTE was skipped or is not available, and {@link #executeNote} says why.
 */
@JsonPropertyOrder({"nBits", "testRows", "floatScore", "disableScore", "simulateScore", "executeScore", "executeRows",
        "floatScoreOnExecuteRows", "disableScoreOnExecuteRows", "simulateScoreOnExecuteRows", "simulateAgreement",
        "executeAgreement", "maxBitWidth", "pbsCount", "msPerRowExecute"})
record AccuracyRow(int nBits, int testRows, double floatScore, double disableScore, double simulateScore,
        Double executeScore, Integer executeRows, Double floatScoreOnExecuteRows, Double disableScoreOnExecuteRows,
        Double simulateScoreOnExecuteRows, double simulateAgreement, Double executeAgreement, int maxBitWidth,
        long pbsCount, Double msPerRowExecute, @JsonIgnore String executeNote) {

    /** Whether EXECUTE ran on fewer rows than the other modes' full scores cover. */
    @JsonIgnore
    boolean executeOnSubset() {
        return executeRows != null && executeRows < testRows;
    }
}

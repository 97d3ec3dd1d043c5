package org.fheml.cli;

import java.util.List;

/** The result of {@code bench accuracy}: the model, the dataset, and one row per n_bits, as printed by --json. */
record AccuracyReport(String model, String dataset, List<AccuracyRow> rows) {

    AccuracyReport {
        rows = List.copyOf(rows);
    }
}

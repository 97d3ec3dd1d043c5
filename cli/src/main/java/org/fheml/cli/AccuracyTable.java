package org.fheml.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rows of {@code bench accuracy} as an aligned text table, with why EXECUTE was not measured below it. DISABLE
 * and SIMULATE appear twice: on every test row, and on the rows EXECUTE ran on, beside EXECUTE's score.
 */
final class AccuracyTable {

    private static final String NOT_MEASURED = "n/a";
    private static final List<String> HEADERS = List.of("n_bits", "float", "DISABLE", "SIMULATE", "EXECUTE rows",
            "DISABLE on them", "SIMULATE on them", "EXECUTE", "SIMULATE=DISABLE", "EXECUTE=DISABLE", "max bit-width",
            "PBS", "ms/row EXECUTE");

    private AccuracyTable() {
    }

    static void print(PrintWriter out, List<AccuracyRow> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADERS);
        for (AccuracyRow row : rows) {
            lines.add(cells(row));
        }
        int[] widths = new int[HEADERS.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                text.append(i == 0 ? "" : "  ").append(" ".repeat(widths[i] - line.get(i).length())).append(line.get(i));
            }
            out.println(text);
        }
        Set<String> notes = new LinkedHashSet<>();
        rows.stream().map(AccuracyRow::executeNote).filter(note -> note != null).forEach(notes::add);
        notes.forEach(note -> out.println(NOT_MEASURED + ": " + note));
    }

    private static List<String> cells(AccuracyRow row) {
        return List.of(String.valueOf(row.nBits()), score(row.floatScore()), score(row.disableScore()),
                score(row.simulateScore()), row.executeRows() == null ? NOT_MEASURED : String.valueOf(row.executeRows()),
                score(row.disableScoreOnExecuteRows()), score(row.simulateScoreOnExecuteRows()),
                score(row.executeScore()), score(row.simulateAgreement()), score(row.executeAgreement()), String.valueOf(row.maxBitWidth()),
                String.valueOf(row.pbsCount()),
                row.msPerRowExecute() == null ? NOT_MEASURED : String.format(Locale.ROOT, "%.3f", row.msPerRowExecute()));
    }

    private static String score(Double value) {
        return value == null ? NOT_MEASURED : String.format(Locale.ROOT, "%.4f", value);
    }
}

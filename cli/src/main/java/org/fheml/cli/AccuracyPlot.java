package org.fheml.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The score of {@code bench accuracy} against n_bits as a PNG: one series per measured mode, and the float model's
 * score as a dashed reference line. Drawn headless with XChart.
 */
final class AccuracyPlot {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private AccuracyPlot() {
    }

    static void write(AccuracyReport report, Task task, Path file) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(report.model() + " on " + report.dataset() + ": " + task.scoreName() + " against n_bits")
                .xAxisTitle("n_bits").yAxisTitle(task.scoreName() + " on the test rows").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0.00");

        List<AccuracyRow> rows = report.rows();
        XYSeries reference = series(chart, "float", rows, AccuracyRow::floatScore);
        reference.setMarker(SeriesMarkers.NONE);
        reference.setLineStyle(SeriesLines.DASH_DASH);
        series(chart, "DISABLE", rows, AccuracyRow::disableScore).setMarker(SeriesMarkers.CIRCLE);
        series(chart, "SIMULATE", rows, AccuracyRow::simulateScore).setMarker(SeriesMarkers.CROSS);
        if (rows.stream().anyMatch(row -> row.executeScore() != null)) {
            series(chart, "EXECUTE (" + firstExecuteRows(rows) + " rows)", rows, AccuracyRow::executeScore)
                    .setMarker(SeriesMarkers.DIAMOND);
        }

        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    /** The measured points of one column; rows where it is null are left out. */
    private static XYSeries series(XYChart chart, String name, List<AccuracyRow> rows,
            Function<AccuracyRow, Double> column) {
        List<AccuracyRow> measured = rows.stream().filter(row -> column.apply(row) != null).toList();
        double[] x = measured.stream().mapToDouble(AccuracyRow::nBits).toArray();
        double[] y = measured.stream().mapToDouble(column::apply).toArray();
        return chart.addSeries(name, x, y);
    }

    private static int firstExecuteRows(List<AccuracyRow> rows) {
        return rows.stream().filter(row -> row.executeRows() != null).findFirst().orElseThrow().executeRows();
    }
}

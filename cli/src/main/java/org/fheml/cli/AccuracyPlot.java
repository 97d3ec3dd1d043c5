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
 * score as a dashed reference line. When EXECUTE ran on the first test rows only, DISABLE and SIMULATE are drawn on
 * those rows too (dotted), and every legend entry names the rows it was scored on. Drawn headless with XChart.
 */
final class AccuracyPlot {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private AccuracyPlot() {
    }

    static void write(AccuracyReport report, Task task, Path file) throws IOException {
        XYChart chart = chart(report, task);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    /** The chart, its series named as the legend shows them. */
    static XYChart chart(AccuracyReport report, Task task) {
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
        AccuracyRow executed = rows.stream().filter(row -> row.executeScore() != null).findFirst().orElse(null);
        String all = "all " + rows.getFirst().testRows() + " test rows";
        boolean subset = executed != null && executed.executeOnSubset();
        String suffix = subset ? " (" + all + ")" : "";
        XYSeries reference = series(chart, "float" + suffix, rows, AccuracyRow::floatScore);
        reference.setMarker(SeriesMarkers.NONE);
        reference.setLineStyle(SeriesLines.DASH_DASH);
        series(chart, "DISABLE" + suffix, rows, AccuracyRow::disableScore).setMarker(SeriesMarkers.CIRCLE);
        series(chart, "SIMULATE" + suffix, rows, AccuracyRow::simulateScore).setMarker(SeriesMarkers.CROSS);
        if (subset) {
            // EXECUTE ran on fewer rows: the other modes on those same rows, so that equal predictions draw level
            String first = " (first " + executed.executeRows() + " test rows, as EXECUTE)";
            XYSeries disable = series(chart, "DISABLE" + first, rows, AccuracyRow::disableScoreOnExecuteRows);
            disable.setMarker(SeriesMarkers.CIRCLE);
            disable.setLineStyle(SeriesLines.DOT_DOT);
            XYSeries simulate = series(chart, "SIMULATE" + first, rows, AccuracyRow::simulateScoreOnExecuteRows);
            simulate.setMarker(SeriesMarkers.CROSS);
            simulate.setLineStyle(SeriesLines.DOT_DOT);
            series(chart, "EXECUTE (first " + executed.executeRows() + " test rows)", rows,
                    AccuracyRow::executeScore).setMarker(SeriesMarkers.DIAMOND);
        } else if (executed != null) {
            series(chart, "EXECUTE (" + all + ")", rows, AccuracyRow::executeScore).setMarker(SeriesMarkers.DIAMOND);
        }
        return chart;
    }

    /** The measured points of one column; rows where it is null are left out. */
    private static XYSeries series(XYChart chart, String name, List<AccuracyRow> rows,
            Function<AccuracyRow, Double> column) {
        List<AccuracyRow> measured = rows.stream().filter(row -> column.apply(row) != null).toList();
        double[] x = measured.stream().mapToDouble(AccuracyRow::nBits).toArray();
        double[] y = measured.stream().mapToDouble(column::apply).toArray();
        return chart.addSeries(name, x, y);
    }
}

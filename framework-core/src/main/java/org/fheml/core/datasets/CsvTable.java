package org.fheml.core.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The text of a CSV file with a header row, checked for shape: every data row has one field per header column.
 * Blank lines are skipped, fields are trimmed, quoted fields may hold commas and line breaks, a UTF-8 byte order mark
 * is ignored.
 */
record CsvTable(Path file, long headerLine, List<String> header, List<Row> rows) {

    /** One data row and the 1-based line it starts on. */
    record Row(long line, List<String> values) {
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();

    static CsvTable read(Path file) {
        List<String> header = null;
        long headerLine = 0;
        List<Row> rows = new ArrayList<>();
        long lastLine = 0;
        try (BufferedReader reader = Files.newBufferedReader(file);
                CSVParser parser = CSVParser.parse(skipByteOrderMark(reader), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    if (e.getCause() instanceof CharacterCodingException) {
                        throw e;
                    }
                    throw new DatasetFormatException(file, lastLine + 1, "malformed CSV (" + e.getCause().getMessage()
                            + "); check the quotes: a quoted field must end with a quote followed by a comma or the end of the line.");
                }
                List<String> values = record.toList();
                lastLine = parser.getCurrentLineNumber();
                if (values.size() == 1 && values.getFirst().isEmpty()) {
                    continue;
                }
                long line = lastLine - lineBreaks(values);
                if (header == null) {
                    header = checkedHeader(file, line, values);
                    headerLine = line;
                } else if (values.size() != header.size()) {
                    throw new DatasetFormatException(file, line, "expected " + header.size()
                            + " fields (one per header column) but found " + values.size()
                            + "; check for missing or extra commas, and quote fields that contain a comma.");
                } else {
                    rows.add(new Row(line, values));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV file " + file + ": " + e, e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("Cannot read CSV file " + file + ": " + e.getCause()
                    + (e.getCause() instanceof CharacterCodingException ? " (save the file as UTF-8)" : ""), e.getCause());
        }
        if (header == null) {
            throw new DatasetFormatException(file, 1, "the file is empty; it needs a header row naming the columns "
                    + "and at least one data row.");
        }
        if (rows.isEmpty()) {
            throw new DatasetFormatException(file, lastLine, "the file has a header row but no data rows; "
                    + "add at least one row of values below the header.");
        }
        return new CsvTable(file, headerLine, header, List.copyOf(rows));
    }

    /** The number of the column named {@code name}, or a message listing the columns there are. */
    int column(String name, String role) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new DatasetFormatException(file, headerLine, "there is no " + role + " column named '" + name
                    + "'; the columns are " + quoted(header) + ".");
        }
        return index;
    }

    int column(int index, String role) {
        if (index < 0 || index >= header.size()) {
            throw new DatasetFormatException(file, headerLine, role + " column index " + index
                    + " is out of range: the header has " + header.size() + " columns, so use an index in 0.."
                    + (header.size() - 1) + " (the columns are " + quoted(header) + ").");
        }
        return index;
    }

    /** Every column but {@code excluded}, parsed as finite numbers. */
    double[][] features(int excluded) {
        double[][] features = new double[rows.size()][header.size() - 1];
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            for (int j = 0, k = 0; j < header.size(); j++) {
                if (j != excluded) {
                    features[i][k++] = number(row, j, "feature");
                }
            }
        }
        return features;
    }

    List<String> featureNames(int excluded) {
        List<String> names = new ArrayList<>(header);
        names.remove(excluded);
        return names;
    }

    List<String> strings(int column, String role) {
        List<String> values = new ArrayList<>(rows.size());
        for (Row row : rows) {
            String value = row.values().get(column);
            if (value.isEmpty()) {
                throw new DatasetFormatException(file, row.line(), "the " + role + " in " + describe(column)
                        + " is empty; give every row a " + role + ".");
            }
            values.add(value);
        }
        return values;
    }

    double[] numbers(int column, String role) {
        double[] values = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            values[i] = number(rows.get(i), column, role);
        }
        return values;
    }

    private double number(Row row, int column, String role) {
        String text = row.values().get(column);
        if (text.isEmpty()) {
            throw new DatasetFormatException(file, row.line(), "the " + role + " value in " + describe(column)
                    + " is empty; fill in a number (missing values are not supported).");
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new DatasetFormatException(file, row.line(), "the " + role + " value in " + describe(column)
                    + " is '" + text + "', which is not a number; " + ("target".equals(role)
                            ? "a regression target must be a number such as 3.25 (for class labels use loadClassification)."
                            : "write a plain number such as 3.25 or 1e-3, or drop the column, or make it the label column."));
        }
        if (!Double.isFinite(value)) {
            throw new DatasetFormatException(file, row.line(), "the " + role + " value in " + describe(column)
                    + " is '" + text + "', which is " + (Double.isNaN(value) ? "NaN" : "infinite")
                    + "; replace it with a finite number.");
        }
        return value;
    }

    private String describe(int column) {
        return "column '" + header.get(column) + "' (index " + column + ")";
    }

    private static List<String> checkedHeader(Path file, long line, List<String> names) {
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < names.size(); j++) {
            if (names.get(j).isEmpty()) {
                throw new DatasetFormatException(file, line, "header column " + j + " (counting from 0) has no name; "
                        + "the first row must name every column.");
            }
            Integer previous = seen.putIfAbsent(names.get(j), j);
            if (previous != null) {
                throw new DatasetFormatException(file, line, "header columns " + previous + " and " + j
                        + " (counting from 0) are both named '" + names.get(j) + "'; give every column its own name.");
            }
        }
        if (names.size() < 2) {
            throw new DatasetFormatException(file, line, "the header has only one column; a dataset needs at least "
                    + "one feature column and a label or target column, separated by commas.");
        }
        return List.copyOf(names);
    }

    private static long lineBreaks(List<String> values) {
        long breaks = 0;
        for (String value : values) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    private static String quoted(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }

    private static BufferedReader skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}

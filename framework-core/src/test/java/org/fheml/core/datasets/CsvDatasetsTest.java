package org.fheml.core.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetsTest {

    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void stringLabelsAreMappedInLexicographicOrder() throws IOException {
        Path file = csv("flowers.csv", "a,b,species\n1,2,setosa\n3,4,virginica\n5,6,setosa\n7,8,versicolor\n");
        ClassificationDataset d = CsvDatasets.loadClassification(file, "species");
        assertEquals("flowers", d.name());
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertArrayEquals(new int[] {0, 2, 0, 1}, d.labels());
        assertEquals(List.of("a", "b"), d.featureNames());
        assertArrayEquals(new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}}, d.features());
        assertEquals(new Provenance(file.toString(), "unknown"), d.provenance());
    }

    @Test
    void numericLabelsAreOrderedNumerically() throws IOException {
        Path file = csv("n.csv", "x,y\n1,10\n2,2\n3,-1\n4,2\n5,0.5\n6,2.0\n");
        ClassificationDataset d = CsvDatasets.loadClassification(file, "y");
        assertEquals(List.of("-1", "0.5", "2", "10"), d.classNames());
        assertArrayEquals(new int[] {3, 2, 0, 2, 1, 2}, d.labels());
    }

    @Test
    void labelsThatAreNotAllNumbersAreOrderedLexicographically() throws IOException {
        ClassificationDataset d = CsvDatasets.loadClassification(csv("m.csv", "x,y\n1,9\n2,10\n3,b\n4,B\n"), "y");
        assertEquals(List.of("10", "9", "B", "b"), d.classNames());
        assertArrayEquals(new int[] {1, 0, 3, 2}, d.labels());
    }

    @Test
    void theLabelColumnCanBeChosenByNameOrIndexAndSitAnywhere() throws IOException {
        Path file = csv("mid.csv", "f1,label,f2\n1,yes,2\n3,no,4\n");
        ClassificationDataset byName = CsvDatasets.loadClassification(file, "label");
        ClassificationDataset byIndex = CsvDatasets.loadClassification(file, 1);
        assertEquals(byName, byIndex);
        assertEquals(List.of("f1", "f2"), byIndex.featureNames());
        assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, byIndex.features());
        assertEquals(List.of("no", "yes"), byIndex.classNames());
    }

    @Test
    void quotedFieldsWhitespaceBlankLinesCrlfAndByteOrderMarkAreHandled() throws IOException {
        Path file = csv("q.csv", "\uFEFF\"width, cm\" , height ,kind\r\n\r\n  \" 1.5\", 2 ,\"a, b\"\r\n   \r\n3,4,c\r\n\r\n");
        ClassificationDataset d = CsvDatasets.loadClassification(file, "kind");
        assertEquals(List.of("width, cm", "height"), d.featureNames());
        assertArrayEquals(new double[][] {{1.5, 2}, {3, 4}}, d.features());
        assertEquals(List.of("a, b", "c"), d.classNames());
    }

    @Test
    void regressionTargetsAreReadByNameOrIndex() throws IOException {
        Path file = csv("prices.csv", "rooms,price,area\n3,250.5,80\n4,300,100\n");
        RegressionDataset byName = CsvDatasets.loadRegression(file, "price");
        assertEquals(byName, CsvDatasets.loadRegression(file, 1));
        assertEquals("prices", byName.name());
        assertArrayEquals(new double[] {250.5, 300}, byName.targets());
        assertEquals(List.of("rooms", "area"), byName.featureNames());
        assertArrayEquals(new double[][] {{3, 80}, {4, 100}}, byName.features());
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsNamesTheLineAndBothCounts() throws IOException {
        Path file = csv("short.csv", "a,b,y\n1,2,x\n\n3,x\n");
        DatasetFormatException e = assertFormatError(() -> CsvDatasets.loadClassification(file, "y"), file, 4,
                "expected 3 fields", "found 2");
        assertEquals(file, e.file());
        assertEquals(4, e.line());
    }

    @Test
    void aNonNumericFeatureNamesTheLineColumnAndValue() throws IOException {
        Path file = csv("text.csv", "a,b,y\n1,2,x\n3,four,x\n");
        assertFormatError(() -> CsvDatasets.loadClassification(file, "y"), file, 3, "column 'b'", "'four'",
                "not a number");
    }

    @Test
    void anEmptyFeatureValueNamesTheLineAndColumn() throws IOException {
        Path file = csv("gap.csv", "a,b,y\n1,2,x\n3,,x\n");
        assertFormatError(() -> CsvDatasets.loadClassification(file, "y"), file, 3, "column 'b'", "empty");
    }

    @Test
    void nanAndInfiniteValuesAreRejected() throws IOException {
        Path nan = csv("nan.csv", "a,b,y\nNaN,2,x\n");
        assertFormatError(() -> CsvDatasets.loadClassification(nan, "y"), nan, 2, "column 'a'", "NaN", "finite");
        Path infinite = csv("inf.csv", "a,b,y\n1,2,x\n1,1e999,x\n");
        assertFormatError(() -> CsvDatasets.loadClassification(infinite, "y"), infinite, 3, "column 'b'", "infinite");
        Path target = csv("inft.csv", "a,t\n1,-Infinity\n");
        assertFormatError(() -> CsvDatasets.loadRegression(target, "t"), target, 2, "column 't'", "infinite");
    }

    @Test
    void anUnknownLabelColumnListsTheAvailableColumns() throws IOException {
        Path file = csv("cols.csv", "\nsepal,petal,species\n1,2,x\n");
        assertFormatError(() -> CsvDatasets.loadClassification(file, "Species"), file, 2, "'Species'",
                "'sepal', 'petal', 'species'");
        assertFormatError(() -> CsvDatasets.loadRegression(file, "price"), file, 2, "no target column named 'price'");
    }

    @Test
    void aLabelColumnIndexOutOfRangeNamesTheValidRange() throws IOException {
        Path file = csv("idx.csv", "a,b,y\n1,2,x\n");
        assertFormatError(() -> CsvDatasets.loadClassification(file, 3), file, 1, "index 3 is out of range", "0..2");
        assertFormatError(() -> CsvDatasets.loadClassification(file, -1), file, 1, "index -1 is out of range");
        assertFormatError(() -> CsvDatasets.loadRegression(file, 5), file, 1, "target column index 5");
    }

    @Test
    void aFileWithoutDataRowsIsRejected() throws IOException {
        Path headerOnly = csv("header.csv", "a,b,y\n\n\n");
        assertFormatError(() -> CsvDatasets.loadClassification(headerOnly, "y"), headerOnly, 1, "no data rows");
        Path empty = csv("empty.csv", "");
        assertFormatError(() -> CsvDatasets.loadRegression(empty, 0), empty, 1, "the file is empty", "header");
    }

    @Test
    void aNonNumericRegressionTargetNamesTheLineAndColumn() throws IOException {
        Path file = csv("target.csv", "a,price\n1,100\n2,cheap\n");
        assertFormatError(() -> CsvDatasets.loadRegression(file, "price"), file, 3, "column 'price'", "'cheap'",
                "regression target must be a number");
    }

    @Test
    void anEmptyLabelIsRejected() throws IOException {
        Path file = csv("nolabel.csv", "a,y\n1,x\n2,\"\"\n");
        assertFormatError(() -> CsvDatasets.loadClassification(file, "y"), file, 3, "column 'y'", "empty");
    }

    @Test
    void lineNumbersCountTheLinesOfMultiLineQuotedFields() throws IOException {
        Path file = csv("multi.csv", "a,y\n1,\"two\nlines\"\n2,x\nthree,x\n");
        assertFormatError(() -> CsvDatasets.loadClassification(file, "y"), file, 5, "column 'a'", "'three'");
    }

    @Test
    void headerProblemsAreNamed() throws IOException {
        Path duplicate = csv("dup.csv", "a,a,y\n1,2,x\n");
        assertFormatError(() -> CsvDatasets.loadClassification(duplicate, "y"), duplicate, 1, "both named 'a'");
        Path unnamed = csv("unnamed.csv", "a,,y\n1,2,x\n");
        assertFormatError(() -> CsvDatasets.loadClassification(unnamed, "y"), unnamed, 1, "has no name");
        Path single = csv("single.csv", "y\nx\n");
        assertFormatError(() -> CsvDatasets.loadClassification(single, "y"), single, 1, "only one column");
    }

    @Test
    void anUnterminatedQuoteIsAFormatError() throws IOException {
        Path file = csv("quote.csv", "a,y\n1,x\n2,\"x\n");
        assertFormatError(() -> CsvDatasets.loadClassification(file, "y"), file, 3, "malformed CSV", "quote");
    }

    @Test
    void aMissingFileIsAnIoError() {
        Path missing = dir.resolve("missing.csv");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> CsvDatasets.loadClassification(missing, "y"));
        assertTrue(e.getMessage().contains("missing.csv"), e.getMessage());
    }

    private static DatasetFormatException assertFormatError(Executable load, Path file, long line, String... fragments) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, load);
        String message = e.getMessage();
        assertTrue(message.contains(file.toString()), () -> "'" + message + "' does not name the file");
        assertTrue(message.contains("line " + line + ":"), () -> "'" + message + "' does not name line " + line);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "'" + message + "' lacks '" + fragment + "'");
        }
        assertEquals(line, e.line());
        return e;
    }
}

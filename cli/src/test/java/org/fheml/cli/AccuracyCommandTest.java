package org.fheml.cli;

import static org.fheml.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccuracyCommandTest {

    private static final List<String> REPORT_KEYS = List.of("model", "dataset", "rows");
    private static final List<String> ROW_KEYS = List.of("nBits", "testRows", "floatScore", "disableScore",
            "simulateScore", "executeScore", "executeRows", "floatScoreOnExecuteRows", "disableScoreOnExecuteRows",
            "simulateScoreOnExecuteRows", "simulateAgreement", "executeAgreement", "maxBitWidth", "pbsCount",
            "msPerRowExecute");

    private static JsonNode json(String... args) throws IOException {
        CommandLineTest.Run run = run(args);
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    @Test
    void jsonHasExactlyTheDocumentedKeysWithTheirTypes() throws IOException {
        JsonNode report = json("bench", "accuracy", "--model", "logisticregression", "--dataset", "iris",
                "--bits", "3,2", "--fhe-rows", "3", "--json");
        assertEquals(REPORT_KEYS, keys(report));
        assertEquals("LogisticRegression", report.get("model").asText());
        assertEquals("iris", report.get("dataset").asText());
        assertEquals(2, report.get("rows").size());
        int expectedBits = 2;
        for (JsonNode row : report.get("rows")) {
            assertEquals(ROW_KEYS, keys(row));
            assertTrue(row.get("nBits").isInt() && row.get("nBits").asInt() == expectedBits++, row.toString());
            for (String score : List.of("floatScore", "disableScore", "simulateScore", "simulateAgreement")) {
                assertTrue(row.get(score).isDouble(), score + " in " + row);
            }
            assertTrue(row.get("maxBitWidth").isInt() && row.get("maxBitWidth").asInt() > 0, row.toString());
            assertEquals(0, row.get("pbsCount").asLong(), "a linear model needs no bootstrap");
            assertEquals(30, row.get("testRows").asInt(), row.toString());
            if (row.get("executeScore").isNull()) {
                for (String key : List.of("executeRows", "executeAgreement", "msPerRowExecute",
                        "floatScoreOnExecuteRows", "disableScoreOnExecuteRows", "simulateScoreOnExecuteRows")) {
                    assertTrue(row.get(key).isNull(), key + " must be null when EXECUTE did not run: " + row);
                }
            } else {
                assertTrue(row.get("executeScore").isDouble(), row.toString());
                assertEquals(3, row.get("executeRows").asInt());
                assertEquals(1.0, row.get("executeAgreement").asDouble(), row.toString());
                assertEquals(row.get("disableScoreOnExecuteRows").asDouble(), row.get("executeScore").asDouble(),
                        "EXECUTE equals DISABLE on every row it ran: on those rows their scores are equal");
                assertTrue(row.get("floatScoreOnExecuteRows").isDouble()
                        && row.get("simulateScoreOnExecuteRows").isDouble(), row.toString());
                assertTrue(row.get("msPerRowExecute").isDouble() && row.get("msPerRowExecute").asDouble() > 0);
            }
        }
    }

    @Test
    void aClassifierAtEightBitsScoresLikeItsFloatModel() throws IOException {
        JsonNode row = json("bench", "accuracy", "--model", "LogisticRegression", "--dataset", "breast-cancer",
                "--bits", "8", "--fhe-rows", "2", "--json").get("rows").get(0);
        double floatScore = row.get("floatScore").asDouble();
        assertTrue(floatScore > 0.9, row.toString());
        assertEquals(floatScore, row.get("disableScore").asDouble(), 0.02, row.toString());
        assertEquals(1.0, row.get("simulateAgreement").asDouble(), row.toString());
        assertEquals(row.get("disableScore").asDouble(), row.get("simulateScore").asDouble(), row.toString());
    }

    @Test
    void aTreeModelReportsItsBootstrapsAndAgreesInSimulation() throws IOException {
        JsonNode row = json("bench", "accuracy", "--model", "DecisionTreeClassifier", "--dataset", "breast-cancer",
                "--bits", "6", "--fhe-rows", "0", "--json").get("rows").get(0);
        assertTrue(row.get("pbsCount").asLong() > 10, row.toString());
        assertEquals(1.0, row.get("simulateAgreement").asDouble(), row.toString());
        assertTrue(row.get("disableScore").asDouble() > 0.85, row.toString());
        assertTrue(row.get("executeScore").isNull(), "--fhe-rows 0 measures no EXECUTE");
    }

    @Test
    void anMlpSweepsWeightAndActivationBits() throws IOException {
        JsonNode rows = json("bench", "accuracy", "--model", "MLPClassifier", "--dataset", "wine", "--bits", "2,3",
                "--fhe-rows", "0", "--json").get("rows");
        assertEquals(2, rows.size());
        for (JsonNode row : rows) {
            assertEquals(1.0, row.get("simulateAgreement").asDouble(), row.toString());
            assertTrue(row.get("pbsCount").asLong() >= 16, "one bootstrap per hidden neuron: " + row);
        }
        assertTrue(rows.get(1).get("disableScore").asDouble() > 0.85, rows.toString());
    }

    @Test
    void anMlpRegressorIsScoredByRSquared() throws IOException {
        JsonNode row = json("bench", "accuracy", "--model", "mlpregressor", "--dataset", "diabetes", "--bits", "4",
                "--fhe-rows", "0", "--json").get("rows").get(0);
        assertTrue(row.get("disableScore").asDouble() > 0.3, row.toString());
        assertEquals(1.0, row.get("simulateAgreement").asDouble(), row.toString());
    }

    @Test
    void theHelpSaysWhatBitsMeanForNetworks() {
        CommandLineTest.Run run = run("bench", "accuracy", "--help");
        assertTrue(run.out().contains("n_weight/n_activation"), run.out());
    }

    @Test
    void aRegressorOnDiabetesIsScoredByRSquared() throws IOException {
        JsonNode rows = json("bench", "accuracy", "--model", "Ridge", "--dataset", "diabetes", "--bits", "3,8",
                "--fhe-rows", "2", "--json").get("rows");
        JsonNode eight = rows.get(1);
        assertEquals(8, eight.get("nBits").asInt());
        assertTrue(eight.get("floatScore").asDouble() > 0.3, eight.toString());
        assertEquals(eight.get("floatScore").asDouble(), eight.get("disableScore").asDouble(), 0.02, eight.toString());
        for (JsonNode row : rows) {
            assertEquals(1.0, row.get("simulateAgreement").asDouble(), row.toString());
        }
        assertTrue(rows.get(0).get("maxBitWidth").asInt() < eight.get("maxBitWidth").asInt(), rows.toString());

        CommandLineTest.Run text = run("bench", "accuracy", "--model", "ridge", "--dataset", "diabetes",
                "--bits", "8", "--fhe-rows", "0");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("score: R²") && text.out().contains("shuffled"), text.out());
    }

    @Test
    void theTableHasAHeaderAndOneAlignedRowPerNBits() {
        CommandLineTest.Run run = run("bench", "accuracy", "--model", "LinearSVC", "--dataset", "iris",
                "--bits", "2,4", "--fhe-rows", "0");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).contains("LinearSVC on iris") && lines.get(0).contains("150 rows"), run.out());
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("n_bits")).findFirst().orElseThrow());
        List<String> table = lines.subList(header, header + 3);
        assertTrue(table.get(1).strip().startsWith("2 ") && table.get(2).strip().startsWith("4 "), run.out());
        assertTrue(table.stream().allMatch(l -> l.length() == table.get(0).length()), run.out());
        assertTrue(run.out().contains("n/a: EXECUTE skipped (--fhe-rows 0)."), run.out());
        assertEquals("", run.err(), "no progress bar when standard error is not a terminal");
    }

    @Test
    void aCsvWithStringLabelsIsBenchmarked(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("flowers.csv");
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("petal,\"colour name\",sepal\n");
        for (int i = 0; i < 60; i++) {
            boolean red = i % 2 == 0;
            csv.append(String.format(java.util.Locale.ROOT, "%.3f,%s,%.3f%n", (red ? 1 : 4) + random.nextGaussian() * 0.3,
                    red ? "dark red" : "sky blue", (red ? 2 : -1) + random.nextGaussian() * 0.3));
        }
        Files.writeString(file, csv);
        CommandLineTest.Run run = run("bench", "accuracy", "--model", "LogisticRegression", "--csv", file.toString(),
                "--label", "colour name", "--bits", "3", "--fhe-rows", "2", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals("flowers", report.get("dataset").asText());
        assertEquals(1.0, report.get("rows").get(0).get("disableScore").asDouble(), report.toString());
    }

    @Test
    void anOnnxNetworkIsScoredAgainstItsFloatGraph(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("digits.csv");
        org.fheml.core.datasets.ClassificationDataset digits = org.fheml.core.datasets.Datasets.digits();
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            csv.append("p").append(i).append(',');
        }
        csv.append("digit\n");
        for (int r = 0; r < 400; r++) {
            for (double v : digits.features()[r]) {
                csv.append(v / 16).append(',');
            }
            csv.append(digits.classNames().get(digits.labels()[r])).append('\n');
        }
        Files.writeString(file, csv);
        Path onnx = Path.of("..", "onnx", "src", "test", "resources", "org", "fheml", "onnx", "fixtures",
                "qcdq_digits.onnx");
        JsonNode report = json("bench", "accuracy", "--onnx", onnx.toString(), "--csv", file.toString(), "--label",
                "digit", "--bits", "4", "--fhe-rows", "0", "--json");
        assertEquals("onnx:qcdq_digits.onnx", report.get("model").asText());
        JsonNode row = report.get("rows").get(0);
        assertTrue(row.get("floatScore").asDouble() > 0.9, row.toString());
        assertTrue(Math.abs(row.get("disableScore").asDouble() - row.get("floatScore").asDouble()) <= 0.05,
                row.toString());
        assertTrue(row.get("pbsCount").asLong() > 0, row.toString());
    }

    @Test
    void modelAndOnnxAreExclusive() {
        CommandLineTest.Run run = run("bench", "accuracy", "--dataset", "iris");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--model MODEL or --onnx FILE"), run.err());
    }

    @Test
    void aMalformedCsvNamesItsLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.csv");
        Files.writeString(file, "a,b,label\n1,2,x\n3,four,y\n5,6,x\n");
        CommandLineTest.Run run = run("bench", "accuracy", "--model", "LogisticRegression", "--csv", file.toString(),
                "--label", "label");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("fheml bench accuracy: " + file + ", line 3:"), run.err());
        assertTrue(run.err().contains("'four'"), run.err());
    }

    @Test
    void anUnknownModelListsTheValidNames() {
        CommandLineTest.Run run = run("bench", "accuracy", "--model", "RandomForest", "--dataset", "iris");
        assertEquals(2, run.exitCode());
        String error = firstLine(run.err());
        assertTrue(error.startsWith("Unknown model \"RandomForest\""), error);
        for (ModelRegistry.Entry entry : ModelRegistry.all()) {
            assertTrue(error.contains(entry.name()), error);
        }
    }

    @Test
    void anUnknownDatasetListsTheValidNames() {
        CommandLineTest.Run run = run("bench", "accuracy", "--model", "Ridge", "--dataset", "housing");
        assertEquals(2, run.exitCode());
        String error = firstLine(run.err());
        assertTrue(error.startsWith("Unknown dataset \"housing\"") && error.contains("diabetes"), error);
    }

    @Test
    void aModelOnADatasetOfTheOtherTaskIsRejected() {
        CommandLineTest.Run classifier = run("bench", "accuracy", "--model", "LinearSVC", "--dataset", "diabetes");
        assertEquals(2, classifier.exitCode());
        assertTrue(firstLine(classifier.err()).startsWith("LinearSVC is a classifier but diabetes is a regression "
                + "dataset; pick a regressor (LinearRegression"), classifier.err());
        CommandLineTest.Run regressor = run("bench", "accuracy", "--model", "lasso", "--dataset", "wine");
        assertEquals(2, regressor.exitCode());
        assertTrue(firstLine(regressor.err()).contains("Lasso is a regressor but wine is a classification"),
                regressor.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "17", "4,x", "4,,8", "-3"})
    void badBitsAreUsageErrors(String bits) {
        CommandLineTest.Run run = run("bench", "accuracy", "--model", "Ridge", "--dataset", "diabetes", "--bits", bits);
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(firstLine(run.err()).contains("--bits"), run.err());
    }

    @Test
    void otherBadOptionsSayWhatToChange(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("d.csv"), "a,y\n1,2\n");
        List<String[]> cases = List.of(
                new String[] {"--dataset", "iris", "--fhe-rows", "-1", "--fhe-rows must be 0 or more"},
                new String[] {"--csv", file.toString(), "--csv needs --label COLUMN"},
                new String[] {"--dataset", "iris", "--csv", file.toString(), "not both"},
                new String[] {"--label", "y", "--label goes with --csv"},
                new String[] {"--dataset", "iris", "--test-fraction", "1", "--test-fraction must be strictly between"},
                new String[] {"--csv", dir.resolve("missing.csv").toString(), "--label", "y", "no such file"},
                new String[] {"Give --dataset NAME"});
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("bench", "accuracy", "--model", "LogisticRegression"));
            args.addAll(Arrays.asList(c).subList(0, c.length - 1));
            CommandLineTest.Run run = run(args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), args + ": " + run.err());
            assertTrue(firstLine(run.err()).contains(c[c.length - 1]), args + ": " + run.err());
        }
    }

    @Test
    void thePlotIsAPng(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("plots/accuracy.png");
        CommandLineTest.Run run = run("bench", "accuracy", "--model", "LogisticRegression", "--dataset", "iris",
                "--bits", "2,3", "--fhe-rows", "2", "--plot", png.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 1000, "PNG of " + bytes.length + " bytes");
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(bytes, 8));
        new ObjectMapper().readTree(run.out());
    }

    @Test
    void progressGoesToStandardErrorOnlyWhenAsked() throws IOException {
        CommandLineTest.Run run = run("bench", "accuracy", "--model", "LogisticRegression", "--dataset", "iris",
                "--bits", "2,3", "--fhe-rows", "0", "--json", "--progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("bench accuracy") && run.err().contains("2/2"), run.err());
        assertEquals(2, new ObjectMapper().readTree(run.out()).get("rows").size(), "stdout stays pure JSON");
    }

    @Test
    void benchIsListedInTheHelpWithItsSubcommands() {
        assertTrue(run("--help").out().contains("bench"), run("--help").out());
        CommandLineTest.Run bench = run("bench");
        assertEquals(0, bench.exitCode());
        assertTrue(bench.out().contains("accuracy"), bench.out());
        CommandLineTest.Run help = run("bench", "accuracy", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().startsWith("Usage: fheml bench accuracy"), help.out());
        assertTrue(help.out().contains("TweedieRegressor") && help.out().contains("mnist-10k"), help.out());
    }
}

package org.fheml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CommandLineTest {

    /** Exit code, standard output and standard error of one in-process run. */
    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void demoRunsEveryModeAndTheyAgree() {
        Run run = run("demo");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        Matcher accuracy = Pattern.compile("EXECUTE +accuracy ([0-9.]+), equal to DISABLE on (\\d+) of (\\d+) rows")
                .matcher(run.out());
        Matcher simulate = Pattern.compile("SIMULATE +accuracy ([0-9.]+), equal to DISABLE on (\\d+) of (\\d+) rows")
                .matcher(run.out());
        Matcher baseline = Pattern.compile("majority-class baseline ([0-9.]+)").matcher(run.out());
        assertTrue(accuracy.find() && simulate.find() && baseline.find(), run.out());
        assertEquals(114, Integer.parseInt(accuracy.group(3)), "an 80/20 split of 569 rows tests 114 of them");
        assertEquals(accuracy.group(3), accuracy.group(2), "EXECUTE must agree with DISABLE on every row");
        assertEquals(simulate.group(3), simulate.group(2), "SIMULATE must agree with DISABLE on every row");
        double score = Double.parseDouble(accuracy.group(1));
        assertTrue(score > 0.9, "encrypted logistic regression on breast cancer should exceed 90 %, got " + score);
        assertTrue(score > Double.parseDouble(baseline.group(1)) + 0.2, run.out());
        assertTrue(run.out().contains("keygen") && run.out().contains("128-bit security"), run.out());
    }

    @Test
    void demoRunsATreeModelEncryptedWithBootstraps() {
        Run run = run("demo", "--model", "DecisionTreeClassifier", "--n-bits", "3", "--fhe-rows", "2");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("bootstraps per row") && run.out().contains("MiB sent to the server (seeded masks)"),
                run.out());
        assertTrue(run.out().contains("equal to DISABLE on 2 of 2 rows (encrypted end to end)"), run.out());
    }

    @Test
    void demoRunsAnMlpEncryptedEndToEnd() {
        Run run = run("demo", "--model", "MLPClassifier", "--dataset", "wine", "--fhe-rows", "1");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        Matcher simulate = Pattern.compile("SIMULATE +accuracy ([0-9.]+), equal to DISABLE on (\\d+) of (\\d+) rows")
                .matcher(run.out());
        assertTrue(simulate.find() && run.out().contains("bootstraps per row"), run.out());
        assertEquals(simulate.group(3), simulate.group(2), "SIMULATE must agree with DISABLE on every row");
        assertTrue(run.out().contains("equal to DISABLE on 1 of 1 rows (encrypted end to end)"), run.out());
    }

    @Test
    void demoRefusesAnUnknownModel() {
        Run run = run("demo", "--model", "Perceptron");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unknown model"), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "params", "bench"})
    void everySubcommandHasHelp(String subcommand) {
        Run run = run(subcommand, "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: fheml " + subcommand), run.out());
    }

    @Test
    void anUnknownOptionFailsWithUsage() {
        Run run = run("demo", "--no-such-option");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unknown option: '--no-such-option'"), run.err());
    }

    @Test
    void aBadTestFractionIsReportedClearly() {
        Run run = run("demo", "--test-fraction", "1.5");
        assertTrue(run.exitCode() != 0);
        assertTrue(run.err().contains("1.5"), run.err());
    }

    @Test
    void noArgumentsPrintsTheCommandList() {
        Run run = run();
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("demo"), run.out());
    }
}

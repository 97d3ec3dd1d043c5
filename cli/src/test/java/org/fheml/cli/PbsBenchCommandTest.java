package org.fheml.cli;

import static org.fheml.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class PbsBenchCommandTest {

    private static final List<String> KEYS = List.of("medianMs", "minMs", "maxMs", "errors", "iterations", "threads",
            "throughputPerSec", "keygenMs", "bootstrapKeyBytes", "keyswitchKeyBytes", "parameters");

    private static JsonNode json(String... args) throws Exception {
        CommandLineTest.Run run = run(args);
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void timesBootstrapsWithTheOptimizersParameters() throws Exception {
        JsonNode report = json("bench", "pbs", "--precision", "1", "--iterations", "3", "--warmup", "0",
                "--threads", "1", "--json");
        for (String key : KEYS) {
            assertTrue(report.has(key), "missing " + key + " in " + report);
        }
        assertEquals(1, report.get("parameters").get("precision").asInt());
        assertTrue(report.get("parameters").get("secure").asBoolean());
        assertEquals(0, report.get("errors").asLong());
        assertEquals(3, report.get("iterations").asInt());
        assertTrue(report.get("minMs").asDouble() <= report.get("medianMs").asDouble()
                && report.get("medianMs").asDouble() <= report.get("maxMs").asDouble());
        assertTrue(report.get("throughputPerSec").asDouble() > 0);
        assertFalse(report.has("failures"));
    }

    @Test
    void theCLibrarysGateSetIsANamedSpeedAnchor() throws Exception {
        JsonNode report = json("bench", "pbs", "--params", "tfhe-lib-gate", "--iterations", "2", "--warmup", "0",
                "--threads", "1", "--json");
        JsonNode parameters = report.get("parameters");
        assertEquals(630, parameters.get("lweDimension").asInt());
        assertEquals(1024, parameters.get("polynomialSize").asInt());
        assertFalse(parameters.get("secure").asBoolean(), "the gate set is below 128 bits and says so");
        assertEquals(0, report.get("errors").asLong());
        assertEquals(630L * 3 * 4 * 1024 * 8, report.get("bootstrapKeyBytes").asLong());
        assertEquals(32, report.get("keyswitchKeyBits").asInt());
    }

    /** Which keyswitch key ran: the set made to need the exact key says so, in JSON and text. */
    @Test
    void aSetWhoseRoundingWouldFailKeyswitchesWithTheExactKey() throws Exception {
        String[] args = {"bench", "pbs", "--params", "insecure-test-exact-keyswitch", "--iterations", "2", "--warmup",
            "0", "--threads", "1"};
        CommandLineTest.Run text = run(args);
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("keyswitches with it exactly (64 bits)"), text.out());
        String[] jsonArgs = java.util.Arrays.copyOf(args, args.length + 1);
        jsonArgs[args.length] = "--json";
        JsonNode report = json(jsonArgs);
        assertEquals(64, report.get("keyswitchKeyBits").asInt());
        assertEquals(0, report.get("errors").asLong());
    }

    @Test
    void textNamesTheTimings() {
        CommandLineTest.Run run = run("bench", "pbs", "--precision", "1", "--iterations", "1", "--warmup", "0",
                "--threads", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("KS-PBS") && run.out().contains("key generation")
                && run.out().contains("all decrypt to their table value"), run.out());
    }

    /** The failure count comes with the decision-point variance, measured and predicted, in text and JSON. */
    @Test
    void failureTrialsReportTheMeasuredVarianceBesideThePredictedOne() throws Exception {
        String[] args = {"bench", "pbs", "--precision", "2", "--p-error", "0.06", "--failure-trials", "200",
                "--iterations", "1", "--warmup", "0", "--threads", "1"};
        CommandLineTest.Run text = run(args);
        assertTrue(text.out().contains("decision variance") && text.out().contains("predicted")
                && text.out().contains("99.9 % interval"), text.out());
        String[] jsonArgs = java.util.Arrays.copyOf(args, args.length + 1);
        jsonArgs[args.length] = "--json";
        JsonNode failures = new ObjectMapper().readTree(run(jsonArgs).out()).get("failures");
        assertEquals(200, failures.get("trials").asLong());
        double measured = failures.get("decisionVariance").asDouble();
        double predicted = failures.get("predictedDecisionVariance").asDouble();
        assertTrue(measured > 0.5 * predicted && measured < 2 * predicted, failures.toString());
    }

    @Test
    void theReportSaysWhatRan() throws Exception {
        JsonNode runtime = json("bench", "pbs", "--params", "tfhe-lib-gate", "--iterations", "1", "--warmup", "0",
                "--threads", "1", "--json").get("runtime");
        // the tests run with jdk.incubator.vector, so the vector kernels run, at the JVM's widest vectors
        int bits = runtime.get("vectorBits").asInt();
        assertTrue(bits >= 128, runtime.toString());
        assertEquals("vector-" + bits, runtime.get("fftKernel").asText());
        assertEquals("vector-" + bits, runtime.get("integerKernel").asText());
        assertTrue(runtime.get("cpuVectorFlags").isArray() && runtime.get("jvmFlags").isArray(), runtime.toString());
        CommandLineTest.Run text = run("bench", "pbs", "--params", "tfhe-lib-gate", "--iterations", "1", "--warmup",
                "0", "--threads", "1");
        assertTrue(text.out().contains("FFT vector-" + bits) && text.out().contains("CPU vector flags"), text.out());
    }

    @Test
    void splitThreadsTimeOneBootstrapOnSeveralThreads() throws Exception {
        JsonNode split = json("bench", "pbs", "--params", "tfhe-lib-gate", "--iterations", "2", "--warmup", "0",
                "--threads", "1", "--split-threads", "2", "--json").get("split");
        assertEquals(2, split.get("threads").asInt(), split.toString());
        assertEquals(0, split.get("errors").asLong());
        assertTrue(split.get("splitKsPbsMedianMs").asDouble() > 0 && split.get("singleThreadKsPbsMedianMs").asDouble() > 0);
    }

    @Test
    void badInputsAreUsageErrors() {
        assertEquals(2, run("bench", "pbs", "--precision", "2", "--iterations", "0").exitCode());
        assertEquals(2, run("bench", "pbs", "--params", "tfhe-lib-gate", "--precision", "2").exitCode());
        CommandLineTest.Run unknown = run("bench", "pbs", "--params", "nonsense");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("tfhe-lib-gate"), unknown.err());
        assertEquals(2, run("bench", "pbs").exitCode(), "either --params or --precision");
    }
}

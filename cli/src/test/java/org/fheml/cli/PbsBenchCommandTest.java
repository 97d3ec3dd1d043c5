package org.fheml.cli;

import static org.fheml.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PbsBenchCommandTest {

    @Test
    void timesBootstrapsWithTheOptimizersParameters() throws Exception {
        CommandLineTest.Run run = run("bench", "pbs", "--precision", "1", "--iterations", "2", "--warmup", "0",
                "--threads", "1", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals(1, report.get("parameters").get("precision").asInt());
        assertTrue(report.get("parameters").get("securityBits").asDouble() >= 128 - 1e-9);
        assertTrue(report.get("latency").get("allCorrect").asBoolean());
        assertTrue(report.get("latency").get("ksPbsMedianMillis").asDouble() > 0);
        assertTrue(report.get("failures").isNull());
    }

    @Test
    void textNamesTheTimings() {
        CommandLineTest.Run run = run("bench", "pbs", "--precision", "1", "--iterations", "1", "--warmup", "0",
                "--threads", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("KS-PBS") && run.out().contains("key generation")
                && run.out().contains("all decrypt to their table value"), run.out());
    }

    @Test
    void badCountsAreUsageErrors() {
        assertEquals(2, run("bench", "pbs", "--precision", "2", "--iterations", "0").exitCode());
    }
}

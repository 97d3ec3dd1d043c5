package org.fheml.cli;

import static org.fheml.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class LatencyCommandTest {

    @Test
    void timesOneRowAtATimeAndChecksEveryRow() throws Exception {
        CommandLineTest.Run run = run("bench", "latency", "--model", "DecisionTreeClassifier", "--dataset", "iris",
                "--n-bits", "2", "--rows", "1", "--warmup", "0", "--threads", "1,2", "--pbs-iterations", "1",
                "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals("DecisionTreeClassifier", report.get("model").asText());
        assertTrue(report.get("bootstrapsPerRow").asLong() > 0, report.toString());
        assertTrue(report.get("ksPbsMedianMsOneThread").asDouble() > 0, report.toString());
        assertTrue(report.get("runtime").has("cpuVectorFlags"), report.toString());
        JsonNode runs = report.get("runs");
        assertEquals(2, runs.size());
        for (int i = 0; i < 2; i++) {
            JsonNode r = runs.get(i);
            assertEquals(i + 1, r.get("threads").asInt());
            assertEquals(1, r.get("rows").asInt());
            assertEquals(0, r.get("rowsNotEqualToSimulate").asInt(), r.toString());
            assertTrue(r.get("minMsPerRow").asDouble() <= r.get("medianMsPerRow").asDouble()
                    && r.get("medianMsPerRow").asDouble() <= r.get("maxMsPerRow").asDouble(), r.toString());
            for (String phase : new String[] {"quantize", "encrypt", "run", "decrypt", "dequantize"}) {
                assertTrue(r.get("phaseMedianMs").get(phase).asDouble() >= 0, phase + " in " + r);
                assertTrue(r.get("phaseMedianCpuMs").get(phase).asDouble() >= 0, phase + " in " + r);
            }
        }
    }

    @Test
    void refusesAnEmptyMeasurement() {
        CommandLineTest.Run run = run("bench", "latency", "--model", "DecisionTreeClassifier", "--rows", "0");
        assertTrue(run.exitCode() != 0 && run.err().contains("--rows"), run.err());
    }
}

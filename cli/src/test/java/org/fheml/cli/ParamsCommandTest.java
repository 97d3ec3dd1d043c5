package org.fheml.cli;

import static org.fheml.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParamsCommandTest {

    private static final List<String> JSON_KEYS = List.of("precision", "lweDimension", "glweDimension",
            "polynomialSize", "lweNoiseStd", "glweNoiseStd", "pbsBaseLog", "pbsLevel", "ksBaseLog", "ksLevel",
            "log2PError", "securityBits", "cost", "bootstrapKeyBytes", "keyswitchKeyBytes");

    private static JsonNode json(String... args) throws Exception {
        CommandLineTest.Run run = run(args);
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void jsonHasEveryDocumentedKeyAndReproducesConcretesFourBitRow() throws Exception {
        JsonNode node = json("params", "--precision", "4", "--p-error", "6.3342484e-5", "--modulus-switch", "plain", "--json");
        for (String key : JSON_KEYS) {
            assertTrue(node.has(key), "missing key " + key + " in " + node);
        }
        assertEquals(801, node.get("lweDimension").asInt());
        assertEquals(2, node.get("glweDimension").asInt());
        assertEquals(1024, node.get("polynomialSize").asInt());
        assertTrue(node.get("securityBits").asDouble() >= 128 - 1e-9);
        assertTrue(node.get("log2PError").asDouble() <= Math.log(6.3342484e-5) / Math.log(2));
        assertTrue(node.get("lweNoiseStd").asDouble() > 0 && node.get("lweNoiseStd").asDouble() < 1,
                "noise std is a fraction of the torus");
        long n = node.get("lweDimension").asLong();
        assertEquals(n * 1 * 3 * 3 * 1024 * 8, node.get("bootstrapKeyBytes").asLong());
    }

    @Test
    void aGlobalTargetIsSpreadOverTheBootstraps() throws Exception {
        JsonNode one = json("params", "--precision", "3", "--global-p-error", "1e-5", "--pbs-count", "1", "--json");
        JsonNode many = json("params", "--precision", "3", "--global-p-error", "1e-5", "--pbs-count", "10000", "--json");
        assertTrue(many.get("log2PError").asDouble() < one.get("log2PError").asDouble() - 10);
    }

    @Test
    void textOutputNamesEveryQuantity() {
        CommandLineTest.Run run = run("params", "--precision", "2");
        assertEquals(0, run.exitCode(), run.err());
        for (String label : List.of("LWE dimension n", "polynomial size N", "predicted p_error", "security",
                "bootstrap key", "keyswitch key", "cost")) {
            assertTrue(run.out().contains(label), run.out());
        }
    }

    @Test
    void contradictoryTargetsAreRejected() {
        CommandLineTest.Run run = run("params", "--precision", "2", "--p-error", "1e-3", "--global-p-error", "1e-3");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("not both"), run.err());
    }

    @Test
    void anImpossibleQuerySaysWhatToRelax() {
        CommandLineTest.Run run = run("params", "--precision", "14");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("Lower the precision"), run.err());
    }

    @Test
    void anUnknownSecurityLevelIsRejected() {
        CommandLineTest.Run run = run("params", "--precision", "2", "--security", "100");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("128 or 132"), run.err());
    }
}

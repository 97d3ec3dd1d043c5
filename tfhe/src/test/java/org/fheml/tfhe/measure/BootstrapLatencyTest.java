package org.fheml.tfhe.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fheml.tfhe.algorithms.ModulusSwitchType;
import org.fheml.tfhe.params.ParameterSet;
import org.junit.jupiter.api.Test;

class BootstrapLatencyTest {

    @Test
    void measuresEveryStageAndChecksTheOutputs() {
        LatencyResult result = BootstrapLatency.measure(ParameterSet.INSECURE_TEST_P4.parameters(), 4,
                ModulusSwitchType.CENTERED_MEAN, 5, 1, 2, 3);
        assertTrue(result.allCorrect(), "every bootstrap output decrypts to its table value");
        assertEquals(5, result.iterations());
        assertTrue(result.ksPbsMedianMillis() > 0 && result.pbsMedianMillis() > 0 && result.keyswitchMedianMillis() > 0);
        assertTrue(result.batchMillisPerBootstrap() > 0 && result.keygenMillis() > 0);
    }

    @Test
    void theMedianIsTheMiddleValue() {
        assertEquals(2.0, BootstrapLatency.median(new double[] {5, 1, 2}));
        assertEquals(2.5, BootstrapLatency.median(new double[] {4, 1, 2, 3}));
    }
}

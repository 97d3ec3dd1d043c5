package org.fheml.tfhe.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.optimizer.BootstrapParameters;
import org.fheml.tfhe.optimizer.BootstrapQuery;
import org.fheml.tfhe.optimizer.ParameterOptimizer;
import org.fheml.tfhe.optimizer.SecurityLevel;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * At precisions 5 and 6, with the 128-bit parameters the optimizer chooses for a failure probability of 2^-40 per
 * bootstrap, the KS→PBS bootstrap computes f(m) for random tables f on random messages m. One key pair per precision
 * serves every try (key generation at N = 4096 takes seconds).
 */
class SecureBootstrapPropertyTest {

    private static final double P_ERROR = 0x1p-40;
    private static final Map<Integer, Keys> KEYS = new ConcurrentHashMap<>();

    @Property(tries = 8)
    void fiveBitBootstrapComputesRandomTables(@ForAll @Size(32) List<@LongRange(min = 0, max = 31) Long> table,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 31) Integer> messages,
            @ForAll long encryptionSeed) {
        checkBootstrap(5, table, messages, encryptionSeed);
    }

    @Property(tries = 5)
    void sixBitBootstrapComputesRandomTables(@ForAll @Size(64) List<@LongRange(min = 0, max = 63) Long> table,
            @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 0, max = 63) Integer> messages,
            @ForAll long encryptionSeed) {
        checkBootstrap(6, table, messages, encryptionSeed);
    }

    @Example
    void theParametersAre128BitSecureAndMeetTheFailureProbability() {
        for (int precision = 5; precision <= 6; precision++) {
            BootstrapParameters chosen = optimized(precision);
            TfheParameters p = chosen.toTfheParameters();
            assertTrue(SecurityLevel.securityBits(p.lweDimension().value(), p.lweNoiseStd()) >= 128 - 1e-9,
                    "small key, p=" + precision);
            assertTrue(SecurityLevel.securityBits(p.bigLweDimension().value(), p.glweNoiseStd()) >= 128 - 1e-9,
                    "GLWE key, p=" + precision);
            assertTrue(chosen.log2PError() <= -40, "failure probability 2^" + chosen.log2PError() + ", p=" + precision);
        }
    }

    private static void checkBootstrap(int precision, List<Long> table, List<Integer> messages, long encryptionSeed) {
        Keys keys = KEYS.computeIfAbsent(precision, Keys::generate);
        TfheParameters parameters = keys.parameters();
        Encoding encoding = new Encoding(precision);
        long[] values = table.stream().mapToLong(Long::longValue).toArray();
        LookupTable lut = LookupTables.fromMessages(parameters.polynomialSize(), encoding, values, encoding);
        AesCtrGenerator random = AesCtrGenerator.seeded(encryptionSeed);
        LweCiphertext out = new LweCiphertext(parameters.bigLweDimension());
        for (int m : messages) {
            LweCiphertext in = LweEncryption.encrypt(keys.client().bigLweKey(), encoding, m, parameters.glweNoiseStd(),
                    random);
            ProgrammableBootstrap.bootstrap(keys.server(), in, out, lut, ModulusSwitchType.CENTERED_MEAN,
                    keys.scratch());
            assertEquals(values[m], LweEncryption.decrypt(keys.client().bigLweKey(), encoding, out), "f(" + m + ")");
        }
    }

    private static BootstrapParameters optimized(int precision) {
        return ParameterOptimizer.optimize(BootstrapQuery.perBootstrap(precision, 1, P_ERROR));
    }

    /** The keys of one precision, shared by its tries (which run one at a time, so the scratch is too). */
    private record Keys(TfheParameters parameters, ClientKey client, ServerKey server, BootstrapScratch scratch) {

        static Keys generate(int precision) {
            TfheParameters parameters = optimized(precision).toTfheParameters();
            ClientKey client = KeyGeneration.generateClientKey(parameters, AesCtrGenerator.seeded(500L + precision));
            ServerKey server = KeyGeneration.generateServerKey(client, AesCtrGenerator.seeded(600L + precision));
            return new Keys(parameters, client, server, new BootstrapScratch(parameters));
        }
    }
}

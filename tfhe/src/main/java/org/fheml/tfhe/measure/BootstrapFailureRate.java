package org.fheml.tfhe.measure;

import org.fheml.tfhe.algorithms.BatchBootstrap;
import org.fheml.tfhe.algorithms.BootstrapScratch;
import org.fheml.tfhe.algorithms.ProgrammableBootstrap;
import org.fheml.tfhe.algorithms.SampleExtraction;
import org.fheml.tfhe.algorithms.KeyGeneration;
import org.fheml.tfhe.algorithms.LookupTables;
import org.fheml.tfhe.algorithms.LweEncryption;
import org.fheml.tfhe.algorithms.LweKeyswitch;
import org.fheml.tfhe.algorithms.ModulusSwitch;
import org.fheml.tfhe.algorithms.ModulusSwitchType;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.math.Polynomials;
import org.fheml.tfhe.optimizer.BootstrapParameters;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * Measures how often bootstraps fail, to hold the noise model to account. Ciphertexts go through a chain of
 * identity bootstraps, so each checked bootstrap reads an input that carries a bootstrap's output noise, as the
 * model assumes (2-norm 1); a failure is an output whose message, read with its padding bit, is not the identity
 * table's (negacyclic) output for its input's message. Each
 * checked input is also keyswitched and switched to 2N on the side (the same deterministic steps the bootstrap
 * takes) and its switched phase decrypted with the small key: that gives the variance at the decision point,
 * beside the model's, and the decisions that left their box.
 */
public final class BootstrapFailureRate {

    private BootstrapFailureRate() {
    }

    /**
     * @param chains     ciphertexts bootstrapped side by side
     * @param chainSteps checked bootstraps per chain; trials = chains × chainSteps
     */
    public static FailureRateResult measure(BootstrapParameters parameters, int chains, int chainSteps, int threads,
            long seed) {
        if (parameters.norm2() != 1) {
            throw new IllegalArgumentException("The chain measures bootstraps of 2-norm 1; the parameters were "
                    + "chosen for " + parameters.norm2() + ".");
        }
        AesCtrGenerator random = AesCtrGenerator.seeded(seed);
        ClientKey clientKey = KeyGeneration.generateClientKey(parameters.toTfheParameters(), random.fork());
        ServerKey serverKey = KeyGeneration.generateServerKey(clientKey, random.fork());
        Encoding encoding = new Encoding(parameters.precision());
        LookupTable identity = LookupTables.identity(parameters.toTfheParameters().polynomialSize(), encoding);
        ModulusSwitchType modulusSwitch = parameters.centeredModulusSwitch()
                ? ModulusSwitchType.CENTERED_MEAN : ModulusSwitchType.PLAIN;

        LweCiphertextList current = new LweCiphertextList(clientKey.bigLweKey().dimension(), chains);
        LweCiphertextList next = new LweCiphertextList(clientKey.bigLweKey().dimension(), chains);
        long[] plaintexts = new long[chains];
        for (int i = 0; i < chains; i++) {
            plaintexts[i] = encoding.encode(Math.floorMod(random.nextLong(), encoding.messageModulus()));
        }
        LweEncryption.encrypt(clientKey.bigLweKey(), plaintexts, parameters.glweNoiseStd(), random, current);
        long failures = 0;
        DecisionProbe probe = new DecisionProbe(clientKey, serverKey, encoding, modulusSwitch);
        try (BatchBootstrap bootstrap = new BatchBootstrap(serverKey, threads, modulusSwitch)) {
            bootstrap.bootstrap(current, next, identity);
            for (int step = 0; step < chainSteps; step++) {
                LweCiphertextList swap = current;
                current = next;
                next = swap;
                bootstrap.bootstrap(current, next, identity);
                for (int i = 0; i < chains; i++) {
                    long before = withPaddingBit(encoding, LweEncryption.decryptPhase(clientKey.bigLweKey(),
                            current.get(i)));
                    probe.add(current.get(i), before);
                    long after = withPaddingBit(encoding, LweEncryption.decryptPhase(clientKey.bigLweKey(),
                            next.get(i)));
                    if (after != negacyclicIdentity(encoding, before)) {
                        failures++;
                    }
                }
            }
        }
        double bodyRounding = org.fheml.tfhe.optimizer.NoiseFormulas.modulusSwitchBodyRounding(
                parameters.polynomialSize());
        return new FailureRateResult((long) chains * chainSteps, failures, parameters.pError(), parameters.precision(),
                probe.failures, probe.errors.variance() - bodyRounding, probe.errors.varianceStandardError(),
                parameters.decisionVariance());
    }

    /**
     * Counts failures at the decision point, where a bootstrap fails exactly when its switched phase leaves its
     * message's box (the runtime floors the switched body; see {@code ModulusSwitch}), over many samples per blind
     * rotation: each blind rotation of a fresh encryption through the identity table leaves N coefficients, each a
     * bootstrap output of a known message; {@code decisionsPerBootstrap} of them (spread over the table) are
     * extracted, keyswitched with the server key and switched to 2N as the next bootstrap would, and their error
     * measured with the small key. This costs a keyswitch per trial rather than a bootstrap. One sample per blind
     * rotation is also bootstrapped for real, and its output compared with the identity table's.
     */
    public static DecisionSampleResult sampleDecisions(BootstrapParameters parameters, int bootstraps,
            int decisionsPerBootstrap, long seed) {
        if (parameters.norm2() != 1) {
            throw new IllegalArgumentException("The samples are bootstrap outputs of 2-norm 1; the parameters were "
                    + "chosen for " + parameters.norm2() + ".");
        }
        TfheParameters p = parameters.toTfheParameters();
        AesCtrGenerator random = AesCtrGenerator.seeded(seed);
        ClientKey clientKey = KeyGeneration.generateClientKey(p, random.fork());
        ServerKey serverKey = KeyGeneration.generateServerKey(clientKey, random.fork());
        Encoding encoding = new Encoding(parameters.precision());
        LookupTable identity = LookupTables.identity(p.polynomialSize(), encoding);
        ModulusSwitchType modulusSwitch = parameters.centeredModulusSwitch()
                ? ModulusSwitchType.CENTERED_MEAN : ModulusSwitchType.PLAIN;
        int bigN = p.polynomialSize().value();
        int log2TwoN = p.polynomialSize().log2() + 1;
        int perBootstrap = Math.min(decisionsPerBootstrap, bigN);
        int stride = Math.max(1, bigN / perBootstrap);
        BootstrapScratch scratch = new BootstrapScratch(p);
        BootstrapScratch checkScratch = new BootstrapScratch(p);
        LweCiphertext in = new LweCiphertext(p.lweDimension());
        LweCiphertext out = new LweCiphertext(p.bigLweDimension());
        LweCiphertext checked = new LweCiphertext(p.bigLweDimension());
        LweCiphertext sample = new LweCiphertext(p.bigLweDimension());
        int[] switched = new int[p.lweDimension().lweSize()];
        long[] expected = new long[bigN];
        DecisionProbe probe = new DecisionProbe(clientKey, serverKey, encoding, modulusSwitch);
        long checkedFailures = 0;
        long disagreements = 0;
        for (int b = 0; b < bootstraps; b++) {
            long message = Math.floorMod(random.nextLong(), encoding.messageModulus());
            LweEncryption.encrypt(clientKey.smallLweKey(), encoding.encode(message), p.lweNoiseStd(), random, in);
            ProgrammableBootstrap.bootstrapSmall(serverKey.bootstrapKey(), in, out, identity, modulusSwitch, scratch);
            ModulusSwitch.switchModulus(in, log2TwoN, modulusSwitch, switched);
            long rotation = NoiseVarianceMeasurement.switchedPhase(switched, clientKey.smallLweKey(), log2TwoN)
                    >>> (64 - log2TwoN);
            Polynomials.multiplyByMonomial(identity.coefficients(), 0, expected, 0, bigN,
                    (int) Math.floorMod(-rotation, 2L * bigN));
            int check = (b * 7) % perBootstrap;
            for (int e = 0; e < perBootstrap; e++) {
                int j = (e * stride + b) % bigN;
                SampleExtraction.extract(scratch.accumulator(), j, sample);
                long before = withPaddingBit(encoding, expected[j]);
                boolean decisionFailed = probe.add(sample, before);
                if (e == check) {
                    ProgrammableBootstrap.bootstrap(serverKey, sample, checked, identity, modulusSwitch,
                            checkScratch);
                    long after = withPaddingBit(encoding, LweEncryption.decryptPhase(clientKey.bigLweKey(), checked));
                    boolean failed = after != negacyclicIdentity(encoding, before);
                    checkedFailures += failed ? 1 : 0;
                    disagreements += failed != decisionFailed ? 1 : 0;
                }
            }
        }
        double bodyRounding = org.fheml.tfhe.optimizer.NoiseFormulas.modulusSwitchBodyRounding(bigN);
        FailureRateResult decisions = new FailureRateResult((long) bootstraps * perBootstrap, probe.failures,
                parameters.pError(), parameters.precision(), probe.failures,
                probe.errors.variance() - bodyRounding, probe.errors.varianceStandardError(),
                parameters.decisionVariance());
        return new DecisionSampleResult(decisions, bootstraps, checkedFailures, disagreements);
    }

    /**
     * The message of a phase read with its padding bit, in [0, 2^(p+1)). A bootstrap of message 0 that fails
     * downwards reads the table's last entry negated, −(2^p − 1), which lies in the padding half; reading messages
     * mod 2^p would count every later bootstrap of that chain as a failure too (the chain then alternates between
     * two padding-half values, each the correct negacyclic output of the other).
     */
    static long withPaddingBit(Encoding encoding, long phase) {
        int shift = 63 - encoding.precision();
        return ((phase + (1L << (shift - 1))) >>> shift) & (2 * encoding.messageModulus() - 1);
    }

    /** What the identity table's bootstrap outputs for an input of message m (padding bit included). */
    static long negacyclicIdentity(Encoding encoding, long m) {
        long modulus = encoding.messageModulus();
        return m < modulus ? m : Math.floorMod(-(m - modulus), 2 * modulus);
    }

    /** Keyswitches and switches checked inputs as the bootstrap does, and measures where their phases land. */
    private static final class DecisionProbe {
        final ClientKey clientKey;
        final ServerKey serverKey;
        final ModulusSwitchType modulusSwitch;
        final LweCiphertext small;
        final long[] digits;
        final int[] accumulator;
        final int[] switched;
        final int log2TwoN;
        final long halfBox;
        final Encoding encoding;
        final VarianceAccumulator errors = new VarianceAccumulator();
        long failures;

        DecisionProbe(ClientKey clientKey, ServerKey serverKey, Encoding encoding, ModulusSwitchType modulusSwitch) {
            TfheParameters p = clientKey.parameters();
            this.clientKey = clientKey;
            this.serverKey = serverKey;
            this.encoding = encoding;
            this.modulusSwitch = modulusSwitch;
            this.small = new LweCiphertext(p.lweDimension());
            this.digits = new long[p.ksLevels().value()];
            this.accumulator = new int[p.lweDimension().lweSize()];
            this.switched = new int[p.lweDimension().lweSize()];
            this.log2TwoN = p.polynomialSize().log2() + 1;
            this.halfBox = 1L << (64 - (encoding.precision() + 2));
        }

        /**
         * One input, whose message (decrypted with the big key, padding bit included) is {@code message}; whether
         * its decision left the box.
         */
        boolean add(LweCiphertext in, long message) {
            LweKeyswitch.keyswitch(serverKey, in, small, digits, accumulator);
            ModulusSwitch.switchModulus(small, log2TwoN, modulusSwitch, switched);
            long error = NoiseVarianceMeasurement.switchedPhase(switched, clientKey.smallLweKey(), log2TwoN)
                    - message * encoding.delta();
            errors.add(error * 0x1p-64);
            boolean failed = error < -halfBox || error >= halfBox;
            if (failed) {
                failures++;
            }
            return failed;
        }
    }
}

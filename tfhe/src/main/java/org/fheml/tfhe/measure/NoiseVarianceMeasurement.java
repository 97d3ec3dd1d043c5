package org.fheml.tfhe.measure;

import java.util.ArrayList;
import java.util.List;
import org.fheml.tfhe.algorithms.BootstrapScratch;
import org.fheml.tfhe.algorithms.KeyGeneration;
import org.fheml.tfhe.algorithms.KeyswitchKeyGeneration;
import org.fheml.tfhe.algorithms.LookupTables;
import org.fheml.tfhe.algorithms.LweEncryption;
import org.fheml.tfhe.algorithms.LweKeyswitch;
import org.fheml.tfhe.algorithms.ModulusSwitch;
import org.fheml.tfhe.algorithms.ModulusSwitchType;
import org.fheml.tfhe.algorithms.GlweEncryption;
import org.fheml.tfhe.algorithms.ProgrammableBootstrap;
import org.fheml.tfhe.algorithms.ExternalProduct;
import org.fheml.tfhe.algorithms.ExternalProductScratch;
import org.fheml.tfhe.algorithms.FourierConversion;
import org.fheml.tfhe.algorithms.SampleExtraction;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.FourierGgswCiphertext;
import org.fheml.tfhe.entities.GgswCiphertext;
import org.fheml.tfhe.entities.GlweCiphertext;
import org.fheml.tfhe.entities.GlweSecretKey;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweKeyswitchKey;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.entities.Torus32KeyswitchKey;
import org.fheml.tfhe.fft.NegacyclicFft;
import org.fheml.tfhe.math.Polynomials;
import org.fheml.tfhe.math.SignedDecomposer;
import org.fheml.tfhe.optimizer.NoiseFormulas;
import org.fheml.tfhe.optimizer.NoiseModel;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.params.GlweDimension;
import org.fheml.tfhe.params.PolynomialSize;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * Measures the variance of each noise term of the KS → PBS pattern by decrypting with the secret keys, and sets it
 * beside the closed form the optimizer uses ({@link NoiseFormulas}, {@link NoiseModel}). A variance estimated from n
 * Gaussian samples has a relative standard error of √(2/n): 20,000 samples resolve a 5 % discrepancy at 3.5 standard
 * errors. Terms that depend on the keys (the keyswitch on the big key's weight, the plain modulus switch on the small
 * key's) are averaged over several keys, as the formulas are. The blind rotation's N coefficients per bootstrap
 * are not independent samples: its standard error comes from the spread between bootstraps.
 */
public final class NoiseVarianceMeasurement {

    private static final double TORUS = 0x1p-64;

    private NoiseVarianceMeasurement() {
    }

    /** "n=…, k=…, N=…, br β/l, ks β/l": a parameter set in a table. */
    public static String describe(TfheParameters p) {
        return "n=" + p.lweDimension().value() + " k=" + p.glweDimension().value() + " N=" + p.polynomialSize().value()
                + " br " + p.pbsBaseLog().value() + "/" + p.pbsLevels().value() + " ks " + p.ksBaseLog().value() + "/"
                + p.ksLevels().value();
    }

    /** Fresh encryptions under the big key with the GLWE noise: the error is the sampled noise. */
    public static TermVariance freshEncryption(TfheParameters p, int samples, long seed) {
        AesCtrGenerator random = AesCtrGenerator.seeded(seed);
        LweSecretKey key = LweSecretKey.generate(p.bigLweDimension(), random);
        LweCiphertext ct = new LweCiphertext(p.bigLweDimension());
        VarianceAccumulator errors = new VarianceAccumulator();
        for (int i = 0; i < samples; i++) {
            long plaintext = random.nextLong();
            LweEncryption.encrypt(key, plaintext, p.glweNoiseStd(), random, ct);
            errors.add((LweEncryption.decryptPhase(key, ct) - plaintext) * TORUS);
        }
        return result(NoiseTerm.FRESH_ENCRYPTION, p, errors, p.glweNoiseStd() * p.glweNoiseStd());
    }

    /**
     * Keyswitches of noiseless big-key encryptions (so the output error is the keyswitch's own), with the exact key
     * and with the key rounded to 32 bits; the second term is the difference of the two outputs' phases.
     *
     * @param roundingSamples how many of the samples also go through the 32-bit key (at most {@code samples})
     * @param keys            the samples are spread over this many key pairs
     */
    public static List<TermVariance> keyswitch(TfheParameters p, int samples, int roundingSamples, int keys,
            long seed) {
        AesCtrGenerator random = AesCtrGenerator.seeded(seed);
        VarianceAccumulator exactErrors = new VarianceAccumulator();
        VarianceAccumulator roundingErrors = new VarianceAccumulator();
        LweCiphertext in = new LweCiphertext(p.bigLweDimension());
        LweCiphertext exact = new LweCiphertext(p.lweDimension());
        LweCiphertext rounded = new LweCiphertext(p.lweDimension());
        long[] digits = new long[p.ksLevels().value()];
        int[] accumulator = new int[p.lweDimension().lweSize()];
        for (int k = 0; k < keys; k++) {
            ClientKey client = KeyGeneration.generateClientKey(p, random);
            LweKeyswitchKey ksk = KeyswitchKeyGeneration.generate(client.bigLweKey(), client.smallLweKey(),
                    p.ksBaseLog(), p.ksLevels(), p.lweNoiseStd(), random);
            Torus32KeyswitchKey ksk32 = Torus32KeyswitchKey.roundedFrom(ksk);
            int share = samples / keys + (k < samples % keys ? 1 : 0);
            for (int i = 0; i < share; i++) {
                long plaintext = random.nextLong();
                LweEncryption.encrypt(client.bigLweKey(), plaintext, 0, random, in);
                LweKeyswitch.keyswitch(ksk, in, exact, digits);
                long exactPhase = LweEncryption.decryptPhase(client.smallLweKey(), exact);
                exactErrors.add((exactPhase - plaintext) * TORUS);
                if (roundingErrors.count() < (long) roundingSamples * (k + 1) / keys) {
                    LweKeyswitch.keyswitch(ksk32, in, rounded, digits, accumulator);
                    roundingErrors.add((LweEncryption.decryptPhase(client.smallLweKey(), rounded) - exactPhase)
                            * TORUS);
                }
            }
        }
        int bigDimension = p.bigLweDimension().value();
        return List.of(
                result(NoiseTerm.KEYSWITCH, p, exactErrors, NoiseFormulas.keyswitch(bigDimension,
                        p.ksBaseLog().value(), p.ksLevels().value(), p.lweNoiseStd() * p.lweNoiseStd())),
                result(NoiseTerm.KEYSWITCH_32_BIT_ROUNDING, p, roundingErrors, NoiseFormulas
                        .keyswitchKeyRoundingTo32Bits(bigDimension, p.lweDimension().value(), p.ksBaseLog().value(),
                                p.ksLevels().value())));
    }

    /**
     * Modulus switches to 2N of small-key encryptions with uniform masks: the error is the switched phase, lifted
     * back to the torus, minus the exact phase (its mean is −1/(4N), half a step, from the body's floor).
     *
     * @param keys the samples are spread over this many small keys
     */
    public static TermVariance modulusSwitch(TfheParameters p, ModulusSwitchType type, int samples, int keys,
            long seed) {
        AesCtrGenerator random = AesCtrGenerator.seeded(seed);
        int n = p.lweDimension().value();
        int log2TwoN = p.polynomialSize().log2() + 1;
        LweCiphertext ct = new LweCiphertext(p.lweDimension());
        int[] switched = new int[n + 1];
        VarianceAccumulator errors = new VarianceAccumulator();
        for (int k = 0; k < keys; k++) {
            LweSecretKey key = LweSecretKey.generate(p.lweDimension(), random);
            int share = samples / keys + (k < samples % keys ? 1 : 0);
            for (int i = 0; i < share; i++) {
                LweEncryption.encrypt(key, random.nextLong(), p.lweNoiseStd(), random, ct);
                ModulusSwitch.switchModulus(ct, log2TwoN, type, switched);
                long phase = LweEncryption.decryptPhase(key, ct);
                errors.add((switchedPhase(switched, key, log2TwoN) - phase) * TORUS);
            }
        }
        return result(type == ModulusSwitchType.PLAIN ? NoiseTerm.MODULUS_SWITCH_PLAIN
                : NoiseTerm.MODULUS_SWITCH_CENTERED, p, errors, NoiseModel.switchedPhase(n,
                        p.polynomialSize().value(), type == ModulusSwitchType.CENTERED_MEAN));
    }

    /**
     * Bootstraps of fresh small-key encryptions of random messages through the identity table, measuring: the blind
     * rotation's noise over every accumulator coefficient; sample extraction (the extracted ciphertexts' phases
     * against the accumulator's coefficients); and, for {@code keyswitchedPerBootstrap} coefficients of each output,
     * the noise after the server key's keyswitch (v_BR + v_KS) and after the modulus switch (the decision point,
     * whose variance is the model's decision variance plus the body's rounding step, 1/(12·(2N)²)).
     */
    public static List<TermVariance> bootstrap(TfheParameters p, int precision, ModulusSwitchType type,
            int bootstraps, int keyswitchedPerBootstrap, long seed) {
        return bootstrap(p, precision, type, bootstraps, keyswitchedPerBootstrap, 1, seed);
    }

    /**
     * {@link #bootstrap(TfheParameters, int, ModulusSwitchType, int, int, long)} spread over {@code keys} key sets:
     * a blind rotation's rounding and FFT terms reach the phase through the keys' Hamming weights, which vary by
     * a few percent from key to key around the n/2 and kN/2 the formulas average over.
     */
    public static List<TermVariance> bootstrap(TfheParameters p, int precision, ModulusSwitchType type,
            int bootstraps, int keyswitchedPerBootstrap, int keys, long seed) {
        AesCtrGenerator random = AesCtrGenerator.seeded(seed);
        ClientKey client = null;
        ServerKey server = null;
        Encoding encoding = new Encoding(precision);
        LookupTable lut = LookupTables.identity(p.polynomialSize(), encoding);
        BootstrapScratch scratch = new BootstrapScratch(p);
        int n = p.lweDimension().value();
        int bigN = p.polynomialSize().value();
        int log2TwoN = p.polynomialSize().log2() + 1;
        int extractedCount = Math.min(keyswitchedPerBootstrap, bigN);
        LweCiphertext in = new LweCiphertext(p.lweDimension());
        LweCiphertext out = new LweCiphertext(p.bigLweDimension());
        LweCiphertext small = new LweCiphertext(p.lweDimension());
        int[] switched = new int[n + 1];
        long[] phase = new long[bigN];
        long[] expected = new long[bigN];
        long[] digits = new long[p.ksLevels().value()];
        int[] accumulator = new int[p.lweDimension().lweSize()];
        VarianceAccumulator rotation = new VarianceAccumulator();
        VarianceAccumulator extraction = new VarianceAccumulator();
        VarianceAccumulator beforeSwitch = new VarianceAccumulator();
        VarianceAccumulator decision = new VarianceAccumulator();
        VarianceAccumulator rotationClusters = new VarianceAccumulator();
        VarianceAccumulator beforeSwitchClusters = new VarianceAccumulator();
        VarianceAccumulator decisionClusters = new VarianceAccumulator();
        double halfStep = 1.0 / (4 * bigN);
        boolean withRoundedKey = false;
        int keyIndex = -1;
        for (int b = 0; b < bootstraps; b++) {
            if ((int) ((long) b * keys / bootstraps) != keyIndex) {
                keyIndex = (int) ((long) b * keys / bootstraps);
                client = KeyGeneration.generateClientKey(p, random.fork());
                server = KeyGeneration.generateServerKey(client, random.fork());
                withRoundedKey = server.torus32KeyswitchKey().isPresent();
            }
            long message = Math.floorMod(random.nextLong(), encoding.messageModulus());
            LweEncryption.encrypt(client.smallLweKey(), encoding.encode(message), p.lweNoiseStd(), random, in);
            ProgrammableBootstrap.bootstrapSmall(server.bootstrapKey(), in, out, lut, type, scratch);
            ModulusSwitch.switchModulus(in, log2TwoN, type, switched);
            long rotationPower = switchedPhase(switched, client.smallLweKey(), log2TwoN) >>> (64 - log2TwoN);
            Polynomials.multiplyByMonomial(lut.coefficients(), 0, expected, 0, bigN,
                    (int) Math.floorMod(-rotationPower, 2L * bigN));
            GlweEncryption.decryptPhase(client.glweKey(), scratch.accumulator(), phase);
            double rotationSquares = 0;
            for (int j = 0; j < bigN; j++) {
                double error = (phase[j] - expected[j]) * TORUS;
                rotation.add(error);
                rotationSquares += error * error;
            }
            rotationClusters.add(rotationSquares / bigN);
            double beforeSquares = 0;
            double decisionSquares = 0;
            int stride = Math.max(1, bigN / extractedCount);
            for (int e = 0; e < extractedCount; e++) {
                int j = (e * stride + b) % bigN;
                SampleExtraction.extract(scratch.accumulator(), j, out);
                extraction.add((LweEncryption.decryptPhase(client.bigLweKey(), out) - phase[j]) * TORUS);
                LweKeyswitch.keyswitch(server, out, small, digits, accumulator);
                double before = (LweEncryption.decryptPhase(client.smallLweKey(), small) - expected[j]) * TORUS;
                beforeSwitch.add(before);
                beforeSquares += before * before;
                ModulusSwitch.switchModulus(small, log2TwoN, type, switched);
                double atDecision = (switchedPhase(switched, client.smallLweKey(), log2TwoN) - expected[j]) * TORUS;
                decision.add(atDecision);
                decisionSquares += (atDecision + halfStep) * (atDecision + halfStep);
            }
            beforeSwitchClusters.add(beforeSquares / extractedCount);
            decisionClusters.add(decisionSquares / extractedCount);
        }
        boolean centered = type == ModulusSwitchType.CENTERED_MEAN;
        double blindRotation = NoiseFormulas.blindRotation(n, p.glweDimension().value(), bigN, p.pbsBaseLog().value(),
                p.pbsLevels().value(), p.glweNoiseStd() * p.glweNoiseStd());
        double keyswitch = NoiseModel.keyswitch(p, withRoundedKey);
        double modulusSwitch = NoiseModel.switchedPhase(n, bigN, centered);
        List<TermVariance> results = new ArrayList<>();
        results.add(clustered(NoiseTerm.BLIND_ROTATION, p, rotation, rotationClusters, blindRotation));
        results.add(result(NoiseTerm.SAMPLE_EXTRACTION, p, extraction, 0));
        results.add(clustered(NoiseTerm.KS_PBS_BEFORE_MODULUS_SWITCH, p, beforeSwitch, beforeSwitchClusters,
                blindRotation + keyswitch));
        results.add(clustered(NoiseTerm.KS_PBS_DECISION, p, decision, decisionClusters,
                blindRotation + keyswitch + modulusSwitch));
        return results;
    }

    /**
     * The f64 FFT's own error in external products, as it reaches a decryption: a uniform GGSW (as a bootstrap key's
     * are) times uniform GLWEs, once through the FFT ({@link ExternalProduct}) and once exactly in
     * Z_{2^64}[X]/(X^N + 1) with the same digits; the error is the phase of their difference under a binary GLWE
     * key (a fresh one per product, so that the result averages over keys), so the mask polynomials' errors enter
     * multiplied by the key, as they do in a blind rotation.
     */
    public static TermVariance externalProductFft(int glweDimension, int polynomialSize, int baseLog, int levels,
            int products, long seed) {
        VarianceAccumulator phases = new VarianceAccumulator();
        VarianceAccumulator clusters = new VarianceAccumulator();
        externalProductFftErrors(glweDimension, polynomialSize, baseLog, levels, products, seed,
                new VarianceAccumulator(), phases, clusters);
        String describe = "k=" + glweDimension + " N=" + polynomialSize + " br " + baseLog + "/" + levels;
        return clustered(NoiseTerm.EXTERNAL_PRODUCT_FFT, describe, phases, clusters,
                NoiseFormulas.externalProductFft(glweDimension, polynomialSize, baseLog, levels));
    }

    /**
     * The measurement of {@link #externalProductFft}: each output coefficient's error into {@code coefficients},
     * each phase error into {@code phases}, and each product's mean square phase error into {@code clusters}.
     */
    static void externalProductFftErrors(int glweDimension, int polynomialSize, int baseLog, int levels,
            int products, long seed, VarianceAccumulator coefficients, VarianceAccumulator phases,
            VarianceAccumulator clusters) {
        AesCtrGenerator random = AesCtrGenerator.seeded(seed);
        GlweDimension k = new GlweDimension(glweDimension);
        PolynomialSize size = new PolynomialSize(polynomialSize);
        DecompositionBaseLog beta = new DecompositionBaseLog(baseLog);
        DecompositionLevelCount l = new DecompositionLevelCount(levels);
        int glweSize = k.glweSize();
        int bigN = polynomialSize;
        GgswCiphertext ggsw = new GgswCiphertext(k, size, beta, l);
        FourierGgswCiphertext fourier = new FourierGgswCiphertext(k, size, beta, l);
        ExternalProductScratch scratch = ExternalProductScratch.forGgsw(fourier);
        SignedDecomposer decomposer = new SignedDecomposer(beta, l);
        GlweCiphertext in = new GlweCiphertext(k, size);
        GlweCiphertext out = new GlweCiphertext(k, size);
        long[] digits = new long[levels * bigN];
        long[] digit = new long[bigN];
        long[] factor = new long[bigN];
        long[] product = new long[bigN];
        long[] exact = new long[glweSize * bigN];
        long[] phase = new long[bigN];
        for (int t = 0; t < products; t++) {
            long[] g = ggsw.data();
            for (int i = 0; i < g.length; i++) {
                g[i] = random.nextLong();
            }
            FourierConversion.toFourier(ggsw, NegacyclicFft.of(size), fourier);
            long[] a = in.data();
            for (int i = 0; i < a.length; i++) {
                a[i] = random.nextLong();
            }
            out.clear();
            ExternalProduct.addExternalProduct(out, fourier, in, scratch);
            java.util.Arrays.fill(exact, 0);
            for (int row = 0; row < glweSize; row++) {
                decomposer.decomposePolynomial(a, row * bigN, bigN, digits);
                for (int level = 0; level < levels; level++) {
                    System.arraycopy(digits, level * bigN, digit, 0, bigN);
                    for (int column = 0; column < glweSize; column++) {
                        System.arraycopy(g, ggsw.rowOffset(level, row) + column * bigN, factor, 0, bigN);
                        Polynomials.negacyclicMultiply(digit, factor, product);
                        for (int j = 0; j < bigN; j++) {
                            exact[column * bigN + j] += product[j];
                        }
                    }
                }
            }
            long[] o = out.data();
            for (int i = 0; i < exact.length; i++) {
                o[i] -= exact[i];
                coefficients.add(o[i] * TORUS);
            }
            GlweEncryption.decryptPhase(GlweSecretKey.generate(k, size, random), out, phase);
            double squares = 0;
            for (int j = 0; j < bigN; j++) {
                double error = phase[j] * TORUS;
                phases.add(error);
                squares += error * error;
            }
            clusters.add(squares / bigN);
        }
    }

    /** The phase b̃ − Σ ã_i·s_i of a switched ciphertext, as a torus value (a multiple of 2^(64 − log2 2N)). */
    static long switchedPhase(int[] switched, LweSecretKey key, int log2TwoN) {
        long[] s = key.coefficients();
        int n = s.length;
        long phase = switched[n];
        for (int i = 0; i < n; i++) {
            phase -= switched[i] * s[i];
        }
        return phase << (64 - log2TwoN);
    }

    /**
     * A term whose samples come in clusters, one per bootstrap: the coefficients of one accumulator share part of
     * their noise (the decomposition rounding reaches every coefficient through the same key, whose mean is 1/2,
     * so neighbouring coefficients correlate by up to 1/2). The standard error then comes from the spread of the
     * per-bootstrap mean squares when that is the larger one, which it is when the rounding term weighs.
     */
    private static TermVariance clustered(NoiseTerm term, TfheParameters p, VarianceAccumulator errors,
            VarianceAccumulator clusters, double formula) {
        return clustered(term, describe(p), errors, clusters, formula);
    }

    private static TermVariance clustered(NoiseTerm term, String parameters, VarianceAccumulator errors,
            VarianceAccumulator clusters, double formula) {
        double clusterError = Math.sqrt(clusters.variance() / clusters.count());
        double error = Math.max(errors.varianceStandardError(), clusters.count() > 1 ? clusterError : Double.NaN);
        return new TermVariance(term, parameters, errors.count(), errors.variance(), error, formula, errors.mean());
    }

    private static TermVariance result(NoiseTerm term, TfheParameters p, VarianceAccumulator errors, double formula) {
        return new TermVariance(term, describe(p), errors.count(), errors.variance(), errors.varianceStandardError(),
                formula, errors.mean());
    }
}

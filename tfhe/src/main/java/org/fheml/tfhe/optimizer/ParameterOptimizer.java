package org.fheml.tfhe.optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the cheapest secure parameters for a circuit, as Concrete's optimizer does for its users: every set it
 * returns uses the smallest noise its security level allows at each dimension, and meets the requested failure
 * probability under the {@link NoiseModel}. The search covers k = 1..6, N = 2^8..2^17, n = 512..2047 and every
 * decomposition with base_log · levels ≤ 64, and minimises the {@link CostModel}. Results are cached.
 */
public final class ParameterOptimizer {

    static final int MIN_GLWE_DIMENSION = 1;
    static final int MAX_GLWE_DIMENSION = 6;
    static final int MIN_LOG2_POLYNOMIAL_SIZE = 8;
    static final int MAX_LOG2_POLYNOMIAL_SIZE = 17;
    static final int MIN_LWE_DIMENSION = 512;
    static final int MAX_LWE_DIMENSION = 2047;
    private static final int TORUS_BITS = 64;

    private static final Map<BootstrapQuery, BootstrapParameters> BOOTSTRAP_CACHE = new ConcurrentHashMap<>();
    private static final Map<LeveledQuery, LeveledParameters> LEVELED_CACHE = new ConcurrentHashMap<>();
    private static final Map<SecurityLevel, KeyswitchDecompositions> KEYSWITCH_TABLES = new ConcurrentHashMap<>();

    private ParameterOptimizer() {
    }

    /**
     * The cheapest KS → PBS parameters for the query.
     *
     * @throws NoFeasibleParametersException when no set in the search space meets it
     */
    public static BootstrapParameters optimize(BootstrapQuery query) {
        BootstrapParameters cached = BOOTSTRAP_CACHE.get(query);
        if (cached != null) {
            return cached;
        }
        BootstrapParameters found = search(query);
        BOOTSTRAP_CACHE.putIfAbsent(query, found);
        return found;
    }

    /**
     * The cheapest secure LWE dimension for a circuit without bootstraps, whose accumulator of
     * {@code query.precision()} bits must stay exact after a dot product of 2-norm {@code query.norm2()}.
     *
     * @throws NoFeasibleParametersException when even the smallest noise allowed (2^-62) is too large
     */
    public static LeveledParameters optimize(LeveledQuery query) {
        return LEVELED_CACHE.computeIfAbsent(query, ParameterOptimizer::searchLeveled);
    }

    private static BootstrapParameters search(BootstrapQuery query) {
        SecurityLevel level = query.security();
        double safeVariance = FailureProbability.maximalVariance(query.pErrorPerBootstrap(), query.precision());
        Candidate best = cheapest(level, safeVariance, query.centeredModulusSwitch(), query.sumSize(), 0, 0, 0, 0,
                query.norm2() * query.norm2(), Double.POSITIVE_INFINITY);
        if (best == null) {
            throw new NoFeasibleParametersException(String.format(
                    "No %d-bit secure KS-PBS parameters for %d-bit bootstraps at p_error %.3g with 2-norm %.4g "
                            + "(searched k 1..6, N 2^8..2^17, n 512..2047). Lower the precision (round away low bits), "
                            + "lower the 2-norm of the weights between bootstraps, or allow a larger p_error.",
                    level.bits(), query.precision(), query.pErrorPerBootstrap(), query.norm2()));
        }
        return BootstrapParameters.of(query, best.n, best.k, best.bigN, best.br.baseLog(), best.br.levels(),
                best.ks.baseLog(), best.ks.levels());
    }

    /**
     * The cheapest KS → PBS parameters for one partition of a multi-parameter circuit (see {@link PartitionQuery}).
     * Not cached: callers search few partitions.
     *
     * @throws NoFeasibleParametersException when no set in the search space meets it
     */
    public static BootstrapParameters optimize(PartitionQuery query) {
        SecurityLevel level = query.security();
        double safeVariance = FailureProbability.maximalVariance(query.pErrorPerBootstrap(), query.precision());
        Candidate best = cheapest(level, safeVariance, query.centeredModulusSwitch(), query.sumSize(),
                query.glweDimension(), query.polynomialSize(), query.freshNorm2Squared(), query.externalVariance(),
                query.selfNorm2Squared(), query.maxOutputVariance());
        if (best == null) {
            throw new NoFeasibleParametersException(String.format("No %d-bit secure KS-PBS parameters for a partition "
                    + "of %d-bit bootstraps at p_error %.3g under its consumers' output noise cap %.3g.", level.bits(),
                    query.precision(), query.pErrorPerBootstrap(), query.maxOutputVariance()));
        }
        return partitionParameters(query, best.n, best.k, best.bigN, best.br.baseLog(), best.br.levels(),
                best.ks.baseLog(), best.ks.levels());
    }

    /**
     * The cheapest KS → PBS candidate whose decision variance stays under {@code safeVariance}: a fixed part
     * (the fresh inputs' encryption noise under the GLWE key, grown by {@code freshNorm2Squared}, plus
     * {@code externalVariance}), the modulus switch, the bootstrap outputs grown by {@code selfNorm2Squared}, and the
     * keyswitch; with bootstrap outputs no noisier than {@code maxOutputVariance}. {@code onlyK} and
     * {@code onlyPolynomialSize} fix k and N when not 0. Null when nothing in the search space fits.
     */
    private static Candidate cheapest(SecurityLevel level, double safeVariance, boolean centeredModulusSwitch,
            int sumSize, int onlyK, int onlyPolynomialSize, double freshNorm2Squared, double externalVariance,
            double selfNorm2Squared, double maxOutputVariance) {
        KeyswitchDecompositions keyswitches = KEYSWITCH_TABLES.computeIfAbsent(level, KeyswitchDecompositions::new);
        Candidate best = null;
        for (int k = MIN_GLWE_DIMENSION; k <= MAX_GLWE_DIMENSION; k++) {
            if (onlyK != 0 && k != onlyK) {
                continue;
            }
            for (int logN = MIN_LOG2_POLYNOMIAL_SIZE; logN <= MAX_LOG2_POLYNOMIAL_SIZE; logN++) {
                int bigN = 1 << logN;
                int bigDimension = k * bigN;
                if ((onlyPolynomialSize != 0 && bigN != onlyPolynomialSize) || bigDimension < level.minimalDimension()) {
                    continue;
                }
                double fixed = freshNorm2Squared * level.minimalVariance(bigDimension) + externalVariance;
                if (fixed + NoiseModel.modulusSwitch(MIN_LWE_DIMENSION, bigN, centeredModulusSwitch) >= safeVariance) {
                    continue;
                }
                List<Decomposition> blindRotations = paretoBlindRotations(k, bigN, level.minimalVariance(bigDimension));
                for (int n = MIN_LWE_DIMENSION; n <= MAX_LWE_DIMENSION; n++) {
                    double modulusSwitch = NoiseModel.modulusSwitch(n, bigN, centeredModulusSwitch);
                    if (fixed + modulusSwitch >= safeVariance || (best != null
                            && CostModel.bootstrap(n, k, bigN, blindRotations.getFirst().levels()) >= best.cost)) {
                        break;
                    }
                    for (Decomposition br : blindRotations) {
                        if (n * br.variance() > maxOutputVariance) {
                            continue;
                        }
                        double budget = safeVariance - fixed - modulusSwitch - selfNorm2Squared * n * br.variance();
                        if (budget <= 0) {
                            continue;
                        }
                        Decomposition ks = keyswitches.cheapest(n, budget / bigDimension);
                        if (ks == null) {
                            continue;
                        }
                        double cost = CostModel.atomicPattern(n, k, bigN, br.levels(), ks.levels(), sumSize);
                        if (best == null || cost < best.cost) {
                            best = new Candidate(n, k, bigN, br, ks, cost);
                        }
                    }
                }
            }
        }
        return best;
    }

    /** The report of one partition's parameters, its failure probability from the query's decision variance. */
    static BootstrapParameters partitionParameters(PartitionQuery query, int n, int k, int bigN, int pbsBaseLog,
            int pbsLevel, int ksBaseLog, int ksLevel) {
        SecurityLevel level = query.security();
        double lweStd = level.minimalStd(n);
        double glweStd = level.minimalStd(k * bigN);
        double output = NoiseFormulas.blindRotation(n, k, bigN, pbsBaseLog, pbsLevel, glweStd * glweStd);
        double keyswitch = NoiseFormulas.keyswitch(k * bigN, ksBaseLog, ksLevel, lweStd * lweStd);
        double variance = query.decisionVariance(n, k, bigN, output, keyswitch);
        double security = Math.min(SecurityLevel.securityBits(n, lweStd), SecurityLevel.securityBits(k * bigN, glweStd));
        double cost = CostModel.atomicPattern(n, k, bigN, pbsLevel, ksLevel, query.sumSize()) / 0x1p20;
        org.fheml.tfhe.params.TfheParameters sizes = org.fheml.tfhe.params.TfheParameters.of(n, k, bigN, lweStd,
                glweStd, pbsBaseLog, pbsLevel, ksBaseLog, ksLevel);
        return new BootstrapParameters(query.precision(), n, k, bigN, lweStd, glweStd, pbsBaseLog, pbsLevel,
                ksBaseLog, ksLevel, query.centeredModulusSwitch(), Math.max(1, Math.sqrt(query.selfNorm2Squared())),
                FailureProbability.log2OfVariance(variance, query.precision()), security, cost,
                sizes.bootstrapKeyBytes(), sizes.keyswitchKeyBytes());
    }

    /**
     * For each level count, the base that minimises the CMUX noise, keeping only level counts that lower it:
     * the Pareto front of cost (rising with levels) against noise.
     */
    static List<Decomposition> paretoBlindRotations(int k, int bigN, double glweVariance) {
        List<Decomposition> front = new ArrayList<>();
        double lowest = Double.POSITIVE_INFINITY;
        for (int levels = 1; levels <= TORUS_BITS; levels++) {
            Decomposition best = null;
            for (int baseLog = 1; baseLog * levels <= TORUS_BITS; baseLog++) {
                double variance = NoiseFormulas.cmux(k, bigN, baseLog, levels, glweVariance);
                if (best == null || variance < best.variance()) {
                    best = new Decomposition(baseLog, levels, variance);
                }
            }
            if (best != null && best.variance() < lowest) {
                lowest = best.variance();
                front.add(best);
            }
        }
        return front;
    }

    private static LeveledParameters searchLeveled(LeveledQuery query) {
        SecurityLevel level = query.security();
        double safeVariance = FailureProbability.maximalVariance(query.pError(), query.precision());
        for (int n = level.minimalDimension(); n <= 1 << MAX_LOG2_POLYNOMIAL_SIZE; n++) {
            double variance = NoiseFormulas.dotProduct(level.minimalVariance(n), query.norm2());
            if (variance <= safeVariance) {
                return LeveledParameters.of(query, n);
            }
            if (level.log2MinimalStd(n) <= SecurityLevel.LOG2_STD_FLOOR) {
                break;
            }
        }
        throw new NoFeasibleParametersException(String.format(
                "No secure LWE dimension keeps a %d-bit value exact at p_error %.3g after a dot product of 2-norm "
                        + "%.4g: even the smallest noise allowed (2^-62 of the torus) is too large. Lower n_bits or the "
                        + "accumulator's width, lower the weights' 2-norm, or allow a larger p_error.",
                query.precision(), query.pError(), query.norm2()));
    }

    /** The decision of the search before its report is built. */
    private record Candidate(int n, int k, int bigN, Decomposition br, Decomposition ks, double cost) {
    }
}

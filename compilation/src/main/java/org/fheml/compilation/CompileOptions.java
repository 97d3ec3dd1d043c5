package org.fheml.compilation;

import java.nio.file.Path;
import org.fheml.tfhe.optimizer.SecurityLevel;

/**
 * How a circuit is compiled: the failure probability allowed per bootstrap (or for the whole circuit), the security
 * level of its parameters, the threads that run its bootstraps, and an optional on-disk key cache.
 *
 * @param pErrorPerBootstrap failure probability per bootstrap (Concrete ML's default: 2^-40)
 * @param globalPError       failure probability of the whole circuit, or null; when both are set, the stricter wins
 * @param threads            threads for the independent bootstraps of a layer (default: every core)
 * @param insecureKeyCache   a folder where secret and evaluation keys are stored in the clear so that tests and
 *                           notebooks can reuse them; never for real data (null: no cache)
 * @param maxKeyBytes        the most memory the circuit's keys may take at their peak, key generation
 *                           ({@link CircuitMemory#keyGenerationBytes()}); above it compile refuses the circuit with a
 *                           {@link MemoryLimitException} (null: no cap, key generation still checks the heap)
 * @param inputRangeCheck    what the circuit does with an argument value outside its compiled bounds (default:
 *                           {@link InputRangeCheck#REFUSE})
 * @param calibrationRanges  whether the inputset's ranges may narrow the ranges declared for the arguments
 *                           ({@link InputRange}, or a model's quantizers' integer ranges). Default false: bounds
 *                           hold for every value the argument may take. True can make a circuit much cheaper
 *                           (narrower values, fewer bits per bootstrap), at a risk: it is then exact only within the
 *                           inputset's ranges, and a model compiled on unrepresentative rows refuses (or clips, or
 *                           miscomputes, per {@code inputRangeCheck}) the others. The circuit's statistics report
 *                           the narrowing ({@link RangeNarrowing}) and the compile logs a warning naming the nodes
 *                           it affects.
 * @param multiParameter     whether the bootstraps may be split into partitions with their own parameter sets
 *                           (exact roundings apart from lookups, lookups by the bits they read), when the cost
 *                           model predicts it cheaper than one set for all; the partitions share one GLWE key
 * @param manyLut            whether lookups that read one ciphertext share many-LUT bootstraps when the parameters
 *                           leave room for them ({@link ManyLutFusion}); default true. A circuit split into
 *                           partitions does not fuse lookups.
 */
public record CompileOptions(double pErrorPerBootstrap, Double globalPError, SecurityLevel security, int threads,
        Path insecureKeyCache, Long maxKeyBytes, InputRangeCheck inputRangeCheck, boolean calibrationRanges,
        boolean multiParameter, boolean manyLut) {

    public static final double DEFAULT_P_ERROR = 0x1p-40;

    /** Whether circuits are compiled with multi-parameter partitions unless the options say otherwise. */
    public static final boolean DEFAULT_MULTI_PARAMETER = false;

    /** Whether lookups share many-LUT bootstraps unless the options say otherwise. */
    public static final boolean DEFAULT_MANY_LUT = true;

    public CompileOptions {
        if (!(pErrorPerBootstrap > 0 && pErrorPerBootstrap < 1)) {
            throw new IllegalArgumentException("p_error must lie strictly between 0 and 1, got " + pErrorPerBootstrap + ".");
        }
        if (globalPError != null && !(globalPError > 0 && globalPError < 1)) {
            throw new IllegalArgumentException("global p_error must lie strictly between 0 and 1, got " + globalPError + ".");
        }
        if (security == null) {
            throw new IllegalArgumentException("security level is null: use SecurityLevel.BITS_128.");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads + ".");
        }
        if (maxKeyBytes != null && maxKeyBytes <= 0) {
            throw new IllegalArgumentException("maxKeyBytes must be positive, got " + maxKeyBytes + ".");
        }
        if (inputRangeCheck == null) {
            throw new IllegalArgumentException("inputRangeCheck is null: use InputRangeCheck.REFUSE.");
        }
    }

    /**
     * The options with the default multi-parameter and many-LUT choices: the signature before multi-parameter
     * circuits and many-LUT bootstraps existed.
     */
    public CompileOptions(double pErrorPerBootstrap, Double globalPError, SecurityLevel security, int threads,
            Path insecureKeyCache, Long maxKeyBytes, InputRangeCheck inputRangeCheck, boolean calibrationRanges) {
        this(pErrorPerBootstrap, globalPError, security, threads, insecureKeyCache, maxKeyBytes, inputRangeCheck,
                calibrationRanges, DEFAULT_MULTI_PARAMETER, DEFAULT_MANY_LUT);
    }

    /** The options with the default range handling: the signature before range checks existed. */
    public CompileOptions(double pErrorPerBootstrap, Double globalPError, SecurityLevel security, int threads,
            Path insecureKeyCache, Long maxKeyBytes) {
        this(pErrorPerBootstrap, globalPError, security, threads, insecureKeyCache, maxKeyBytes,
                InputRangeCheck.REFUSE, false);
    }

    /** The options without a key cap: the signature before {@code maxKeyBytes} existed. */
    public CompileOptions(double pErrorPerBootstrap, Double globalPError, SecurityLevel security, int threads,
            Path insecureKeyCache) {
        this(pErrorPerBootstrap, globalPError, security, threads, insecureKeyCache, null);
    }

    public static CompileOptions defaults() {
        return new CompileOptions(DEFAULT_P_ERROR, null, SecurityLevel.BITS_128,
                Runtime.getRuntime().availableProcessors(), null);
    }

    public CompileOptions withPError(double pError) {
        return new CompileOptions(pError, globalPError, security, threads, insecureKeyCache, maxKeyBytes,
                inputRangeCheck, calibrationRanges, multiParameter, manyLut);
    }

    public CompileOptions withGlobalPError(double global) {
        return new CompileOptions(pErrorPerBootstrap, global, security, threads, insecureKeyCache, maxKeyBytes,
                inputRangeCheck, calibrationRanges, multiParameter, manyLut);
    }

    public CompileOptions withSecurity(SecurityLevel level) {
        return new CompileOptions(pErrorPerBootstrap, globalPError, level, threads, insecureKeyCache, maxKeyBytes,
                inputRangeCheck, calibrationRanges, multiParameter, manyLut);
    }

    public CompileOptions withThreads(int count) {
        return new CompileOptions(pErrorPerBootstrap, globalPError, security, count, insecureKeyCache, maxKeyBytes,
                inputRangeCheck, calibrationRanges, multiParameter, manyLut);
    }

    /** Keeps keys in this folder, unencrypted: for tests and notebooks only. */
    public CompileOptions withInsecureKeyCache(Path folder) {
        return new CompileOptions(pErrorPerBootstrap, globalPError, security, threads, folder, maxKeyBytes,
                inputRangeCheck, calibrationRanges, multiParameter, manyLut);
    }

    /** Refuses at compile time circuits whose keys need more than {@code bytes} at their peak. */
    public CompileOptions withMaxKeyBytes(long bytes) {
        return new CompileOptions(pErrorPerBootstrap, globalPError, security, threads, insecureKeyCache, bytes,
                inputRangeCheck, calibrationRanges, multiParameter, manyLut);
    }

    /** What the circuit does with argument values outside its compiled bounds: refuse, clip, or nothing. */
    public CompileOptions withInputRangeCheck(InputRangeCheck check) {
        return new CompileOptions(pErrorPerBootstrap, globalPError, security, threads, insecureKeyCache, maxKeyBytes,
                check, calibrationRanges, multiParameter, manyLut);
    }

    /**
     * Lets the inputset's ranges narrow the declared ones (true), or not (false, the default). See the record's
     * documentation for the risk.
     */
    public CompileOptions withCalibrationRanges(boolean narrow) {
        return new CompileOptions(pErrorPerBootstrap, globalPError, security, threads, insecureKeyCache, maxKeyBytes,
                inputRangeCheck, narrow, multiParameter, manyLut);
    }

    /**
     * Lets the compiler split the bootstraps into partitions with their own parameter sets (true) where the cost
     * model predicts it cheaper, or keeps one set for all (false).
     */
    public CompileOptions withMultiParameter(boolean partitions) {
        return new CompileOptions(pErrorPerBootstrap, globalPError, security, threads, insecureKeyCache, maxKeyBytes,
                inputRangeCheck, calibrationRanges, partitions, manyLut);
    }

    /**
     * Lets lookups that read one ciphertext share many-LUT bootstraps (true, the default), or gives every lookup
     * element its own bootstrap (false).
     */
    public CompileOptions withManyLut(boolean enabled) {
        return new CompileOptions(pErrorPerBootstrap, globalPError, security, threads, insecureKeyCache, maxKeyBytes,
                inputRangeCheck, calibrationRanges, multiParameter, enabled);
    }
}

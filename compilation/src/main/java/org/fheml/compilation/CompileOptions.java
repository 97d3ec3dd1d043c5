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
 */
public record CompileOptions(double pErrorPerBootstrap, Double globalPError, SecurityLevel security, int threads,
        Path insecureKeyCache, Long maxKeyBytes) {

    public static final double DEFAULT_P_ERROR = 0x1p-40;

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
        return new CompileOptions(pError, globalPError, security, threads, insecureKeyCache, maxKeyBytes);
    }

    public CompileOptions withGlobalPError(double global) {
        return new CompileOptions(pErrorPerBootstrap, global, security, threads, insecureKeyCache, maxKeyBytes);
    }

    public CompileOptions withSecurity(SecurityLevel level) {
        return new CompileOptions(pErrorPerBootstrap, globalPError, level, threads, insecureKeyCache, maxKeyBytes);
    }

    public CompileOptions withThreads(int count) {
        return new CompileOptions(pErrorPerBootstrap, globalPError, security, count, insecureKeyCache, maxKeyBytes);
    }

    /** Keeps keys in this folder, unencrypted: for tests and notebooks only. */
    public CompileOptions withInsecureKeyCache(Path folder) {
        return new CompileOptions(pErrorPerBootstrap, globalPError, security, threads, folder, maxKeyBytes);
    }

    /** Refuses at compile time circuits whose keys need more than {@code bytes} at their peak. */
    public CompileOptions withMaxKeyBytes(long bytes) {
        return new CompileOptions(pErrorPerBootstrap, globalPError, security, threads, insecureKeyCache, bytes);
    }
}

package org.fheml.compilation;

import org.fheml.tfhe.serialization.ArtifactException;

/**
 * A request a circuit refuses before it touches any shared state: the bytes are damaged, or an argument does not
 * match the circuit's specification. The message names the argument, what was sent and what the circuit expects;
 * {@link #problem()} says which check failed. The circuit serves the next valid request as if this one never came.
 * A request's bytes are an artifact, so this is an {@link ArtifactException}.
 */
public final class InvalidRequestException extends ArtifactException {

    /** Which check a request failed. */
    public enum Problem {
        /** The bytes are truncated, forged or not a circuit's values at all. */
        MALFORMED,
        /** Not as many arguments as the circuit has inputs. */
        ARGUMENT_COUNT,
        /** An encrypted input sent in the clear, or a clear one sent encrypted. */
        ENCRYPTION,
        /** An argument's shape differs from its input's. */
        SHAPE,
        /** Ciphertexts of another LWE dimension than the circuit's parameters: made for other parameters. */
        LWE_DIMENSION
    }

    private static final long serialVersionUID = 1L;

    private final Problem problem;

    InvalidRequestException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    InvalidRequestException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}

package org.fheml.compilation;

/**
 * A program that cannot be compiled as it is: the message names the node and says what to change (lower n_bits,
 * round, keep an operand clear, ...).
 */
public class CompilationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public CompilationException(String message) {
        super(message);
    }
}

package org.fheml.core;

/**
 * Thrown when data given to an estimator cannot be used as it is. The message says what is wrong and where
 * (row, column, expected and actual sizes), so that the caller knows what to change.
 */
public class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}

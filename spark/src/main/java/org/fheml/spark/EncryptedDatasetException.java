package org.fheml.spark;

/** The Dataset given to {@link FheSpark#score} lacks a column it needs, or has it with another type. */
public final class EncryptedDatasetException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    EncryptedDatasetException(String message) {
        super(message);
    }
}

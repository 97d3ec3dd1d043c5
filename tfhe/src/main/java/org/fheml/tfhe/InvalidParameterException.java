package org.fheml.tfhe;

/** A size, precision or noise value that the TFHE runtime cannot work with; the message says which bound to respect. */
public class InvalidParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidParameterException(String message) {
        super(message);
    }
}

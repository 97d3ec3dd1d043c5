package org.fheml.tfhe.optimizer;

/** Thrown when no parameter set meets a query; the message says which constraint to relax. */
public class NoFeasibleParametersException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public NoFeasibleParametersException(String message) {
        super(message);
    }
}

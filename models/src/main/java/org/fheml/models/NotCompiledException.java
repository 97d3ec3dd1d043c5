package org.fheml.models;

/** Thrown when a model is asked to run in SIMULATE or EXECUTE before {@code compile(X)}. */
public class NotCompiledException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public NotCompiledException(String estimator, String mode) {
        super(estimator + " is not compiled: call compile(X) with representative data before predicting with FheMode."
                + mode + " (FheMode.DISABLE needs no compilation).");
    }
}

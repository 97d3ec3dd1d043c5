package org.fheml.core;

/** Thrown when an estimator is asked for something that only exists after {@code fit}. */
public class NotFittedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param estimator the estimator's class name as the user knows it, e.g. {@code "LogisticRegression"}
     * @param what      what was asked for, e.g. {@code "predict"}
     */
    public NotFittedException(String estimator, String what) {
        super(estimator + " is not fitted yet: call fit(X, y) before " + what + ".");
    }
}

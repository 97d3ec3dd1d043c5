package org.fheml.models.tree;

/** A file that is not an XGBoost JSON model fheml can read; the message names the file, tree and node. */
public final class XGBoostFormatException extends RuntimeException {

    XGBoostFormatException(String message) {
        super(message);
    }

    XGBoostFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

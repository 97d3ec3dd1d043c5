package org.fheml.spark.client;

import java.util.Arrays;

/**
 * One decrypted row of a scored file: its id and either the model's values (a classifier's label, a regressor's
 * prediction, or a raw model's outputs) or, for a row the server refused or that did not decrypt, the error.
 */
public record Prediction(Object id, double[] values, String error) {

    /** Whether the row has values (no error). */
    public boolean ok() {
        return error == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction p && java.util.Objects.equals(id, p.id) && Arrays.equals(values, p.values)
                && java.util.Objects.equals(error, p.error);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(id, error) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Prediction(" + id + ", " + (ok() ? Arrays.toString(values) : "error: " + error) + ")";
    }
}

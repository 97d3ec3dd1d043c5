package org.fheml.models.neighbors;

import org.fheml.core.InvalidInputException;

/**
 * Thrown by {@code fit} when k-NN would keep more reference points than a circuit compares at a bearable cost: the
 * tournament costs M(M−1)/2 + M lookups per row for M points. The message says how to reduce them.
 */
public final class TooManyReferencePointsException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    TooManyReferencePointsException(String estimator, int points, int limit) {
        super(estimator + " would keep " + points + " reference points, more than the " + limit + " an encrypted "
                + "k-NN compares (" + ((long) points * (points - 1) / 2 + points) + " lookups per row instead of "
                + ((long) limit * (limit - 1) / 2 + limit) + "): reduce them to k-means prototypes with "
                + "setNPrototypes(16), or train on fewer rows.");
    }
}

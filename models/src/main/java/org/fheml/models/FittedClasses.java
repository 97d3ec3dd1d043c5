package org.fheml.models;

import org.fheml.core.ClassLabels;
import org.fheml.core.InputValidation;
import org.fheml.core.InvalidInputException;
import org.fheml.core.NotFittedException;

/**
 * The classes of a classifier, whatever its family: checked and collected from the labels at fit, and copied out
 * by {@code classes()}, which throws before fit.
 */
public final class FittedClasses {

    private FittedClasses() {
    }

    /**
     * Checks X and y for fitting a classifier and returns y's distinct labels, ascending: the classes the fit
     * will have.
     *
     * @throws InvalidInputException when X and y do not fit together, or y holds a single class
     */
    public static int[] of(double[][] X, int[] y) {
        InputValidation.checkLabels(X, y);
        int[] labels = ClassLabels.distinct(y);
        if (labels.length < 2) {
            throw new InvalidInputException("y holds a single class (" + labels[0] + "): a classifier needs at least "
                    + "two.");
        }
        return labels;
    }

    /**
     * A copy of a classifier's classes, what its {@code classes()} returns.
     *
     * @param classes   the classes of the last fit, or null before fit
     * @param estimator the classifier's name, for the error
     * @throws NotFittedException before fit
     */
    public static int[] copy(int[] classes, String estimator) {
        if (classes == null) {
            throw new NotFittedException(estimator, "classes");
        }
        return classes.clone();
    }
}

package org.fheml.cli;

import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Dataset;

/** What a model predicts, which decides the datasets it fits on and the score it is judged by. */
enum Task {
    CLASSIFICATION("classifier", "classification", "accuracy"),
    REGRESSION("regressor", "regression", "R²");

    private final String modelNoun;
    private final String adjective;
    private final String scoreName;

    Task(String modelNoun, String adjective, String scoreName) {
        this.modelNoun = modelNoun;
        this.adjective = adjective;
        this.scoreName = scoreName;
    }

    /** "classifier" or "regressor". */
    String modelNoun() {
        return modelNoun;
    }

    /** "classification" or "regression". */
    String adjective() {
        return adjective;
    }

    /** "accuracy" or "R²". */
    String scoreName() {
        return scoreName;
    }

    static Task of(Dataset dataset) {
        return dataset instanceof ClassificationDataset ? CLASSIFICATION : REGRESSION;
    }
}

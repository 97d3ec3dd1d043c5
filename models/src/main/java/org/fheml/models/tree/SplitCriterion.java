package org.fheml.models.tree;

/** The impurity a classification tree's splits reduce, as scikit-learn's {@code criterion}. */
public enum SplitCriterion {
    /** Gini impurity, 1 − Σ p². The default. */
    GINI,
    /** Entropy, −Σ p log₂ p (information gain). */
    ENTROPY;

    CartTrainer.Criterion cart() {
        return switch (this) {
            case GINI -> CartTrainer.Criterion.GINI;
            case ENTROPY -> CartTrainer.Criterion.ENTROPY;
        };
    }

    static SplitCriterion require(SplitCriterion criterion) {
        if (criterion == null) {
            throw new IllegalArgumentException("The split criterion is null: use SplitCriterion.GINI or ENTROPY.");
        }
        return criterion;
    }
}

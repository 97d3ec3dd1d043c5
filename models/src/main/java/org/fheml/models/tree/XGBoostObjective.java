package org.fheml.models.tree;

/**
 * The XGBoost objectives fheml reads, and how each turns a margin into a prediction: the binary ones through the
 * sigmoid, the multi-class ones through a softmax, the regression ones unchanged.
 */
enum XGBoostObjective {
    BINARY_LOGISTIC("binary:logistic", Kind.BINARY),
    BINARY_LOGITRAW("binary:logitraw", Kind.BINARY),
    MULTI_SOFTPROB("multi:softprob", Kind.MULTICLASS),
    MULTI_SOFTMAX("multi:softmax", Kind.MULTICLASS),
    REG_SQUAREDERROR("reg:squarederror", Kind.REGRESSION),
    REG_ABSOLUTEERROR("reg:absoluteerror", Kind.REGRESSION),
    REG_PSEUDOHUBERERROR("reg:pseudohubererror", Kind.REGRESSION);

    /** What a model of this objective predicts. */
    enum Kind {
        BINARY, MULTICLASS, REGRESSION
    }

    private final String xgboostName;
    private final Kind kind;

    XGBoostObjective(String xgboostName, Kind kind) {
        this.xgboostName = xgboostName;
        this.kind = kind;
    }

    String xgboostName() {
        return xgboostName;
    }

    Kind kind() {
        return kind;
    }

    /** The objective XGBoost names {@code name}; an error listing the supported ones otherwise. */
    static XGBoostObjective of(String name) {
        for (XGBoostObjective objective : values()) {
            if (objective.xgboostName.equals(name)) {
                return objective;
            }
        }
        StringBuilder known = new StringBuilder();
        for (XGBoostObjective objective : values()) {
            known.append(known.isEmpty() ? "" : ", ").append(objective.xgboostName);
        }
        throw new IllegalArgumentException("XGBoost objective '" + name + "' is not supported: fheml reads " + known
                + ".");
    }

    /**
     * The margin XGBoost starts from for a {@code base_score}: the logit for the binary objectives (base_score is
     * a probability), computed as XGBoost does, −log(1/p − 1) with the argument in float32; the value itself
     * otherwise.
     */
    double baseMargin(float baseScore) {
        if (kind == Kind.BINARY) {
            return (float) -Math.log(1f / baseScore - 1f);
        }
        return baseScore;
    }
}

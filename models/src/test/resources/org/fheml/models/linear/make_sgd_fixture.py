"""Makes sgd_reference.csv: scikit-learn's SGD weights on standardized data, without shuffling, for
SgdSolverTest (a fixture only; run with any scikit-learn >= 1.1: python3 make_sgd_fixture.py)."""
import numpy as np
from sklearn.linear_model import SGDClassifier, SGDRegressor

rng = np.random.default_rng(0)
X = rng.normal(size=(60, 4)) * [1.0, 2.0, 0.5, 3.0] + [0.5, -1.0, 2.0, 0.0]
w_true = np.array([1.5, -0.7, 2.0, 0.3])
score = (X - X.mean(0)) / X.std(0) @ w_true
y_class = (score + rng.normal(scale=0.8, size=60) > 0).astype(int)
y_reg = score * 10 + 5 + rng.normal(size=60)
Z = (X - X.mean(0)) / X.std(0)

rows = []
cases = [
    ("classifier", "hinge", "l2", "optimal", 0.01, None, 5),
    ("classifier", "log_loss", "l1", "constant", 0.05, None, 5),
    ("classifier", "modified_huber", "elasticnet", "invscaling", 0.1, None, 5),
    ("classifier", "log_loss", "l2", "adaptive", 0.1, 1e-3, 40),
    ("regressor", "squared_error", "l2", "invscaling", 0.01, None, 5),
    ("regressor", "huber", "elasticnet", "constant", 0.01, None, 5),
    ("regressor", "epsilon_insensitive", "l1", "optimal", 0.01, None, 5),
]
for kind, loss, penalty, rate, eta0, tol, max_iter in cases:
    common = dict(loss=loss, penalty=penalty, learning_rate=rate, eta0=eta0, tol=tol, max_iter=max_iter,
                  shuffle=False, alpha=0.01, l1_ratio=0.3)
    if kind == "classifier":
        m = SGDClassifier(**common).fit(Z, y_class)
    else:
        m = SGDRegressor(**common, epsilon=0.2).fit(Z, y_reg)
    coef = np.ravel(m.coef_)
    rows.append([kind, loss, penalty, rate, eta0, "nan" if tol is None else tol, max_iter]
                + [repr(float(v)) for v in coef] + [repr(float(np.ravel(m.intercept_)[0]))])

with open("sgd_reference.csv", "w") as f:
    f.write("# X (60x4), y_class, y_reg follow; then one line per case\n")
    for i in range(60):
        f.write(",".join(repr(float(v)) for v in X[i]) + f",{y_class[i]},{float(y_reg[i])!r}\n")
    for r in rows:
        f.write(",".join(str(v) for v in r) + "\n")

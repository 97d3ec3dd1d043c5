package org.fheml.models.linear;

/**
 * Fits a generalized linear model with a Tweedie deviance of power p (0 normal, 1 Poisson, 2 gamma, between 1
 * and 2 compound Poisson-gamma), a log link (identity for p = 0) and scikit-learn's objective
 * (1/2n)·Σ deviance(y, μ) + (alpha/2)·‖w‖², the intercept unpenalised. Newton steps on the expected Hessian
 * (iteratively reweighted least squares) with step halving until the objective stops falling.
 */
final class TweedieSolver {

    private static final int MAX_ITERATIONS = 100;
    private static final double MAX_ETA = 700;

    private final double power;
    private final double alpha;

    TweedieSolver(double power, double alpha) {
        this.power = power;
        this.alpha = alpha;
    }

    private boolean identityLink() {
        return power == 0;
    }

    FloatLinearModel fit(double[][] X, double[] y) {
        int n = X.length;
        int d = X[0].length;
        double meanY = java.util.Arrays.stream(y).average().orElseThrow();
        double[] theta = new double[d + 1];
        theta[d] = identityLink() ? meanY : Math.log(Math.max(meanY, 1e-12));
        double objective = objective(X, y, theta);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d + 1];
            double[][] hessian = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double mu = mean(eta(X[i], theta));
                double g = identityLink() ? -2 * (y[i] - mu) : -2 * (y[i] - mu) * Math.pow(mu, 1 - power);
                double h = identityLink() ? 2 : 2 * Math.pow(mu, 2 - power);
                for (int a = 0; a <= d; a++) {
                    double xa = a < d ? X[i][a] : 1;
                    gradient[a] += g * xa / (2 * n);
                    for (int b = 0; b <= a; b++) {
                        double xb = b < d ? X[i][b] : 1;
                        hessian[a][b] += h * xa * xb / (2 * n);
                    }
                }
            }
            for (int a = 0; a <= d; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[b][a] = hessian[a][b];
                }
                if (a < d) {
                    gradient[a] += alpha * theta[a];
                    hessian[a][a] += alpha;
                }
                hessian[a][a] += 1e-12;
            }
            double[] step = LinearSystems.solve(hessian, gradient);
            double t = 1;
            double[] candidate = new double[d + 1];
            double next;
            do {
                for (int a = 0; a <= d; a++) {
                    candidate[a] = theta[a] - t * step[a];
                }
                next = objective(X, y, candidate);
                t /= 2;
            } while (!(next <= objective) && t > 1e-10);
            if (!(next <= objective)) {
                break;
            }
            double change = objective - next;
            theta = candidate.clone();
            objective = next;
            if (change <= 1e-14 * Math.max(1, Math.abs(objective))) {
                break;
            }
        }
        double[] w = java.util.Arrays.copyOf(theta, d);
        return FloatLinearModel.ofVector(w, theta[d]);
    }

    private static double eta(double[] x, double[] theta) {
        double eta = theta[theta.length - 1];
        for (int j = 0; j < x.length; j++) {
            eta += theta[j] * x[j];
        }
        return eta;
    }

    private double mean(double eta) {
        return identityLink() ? eta : Math.exp(Math.min(eta, MAX_ETA));
    }

    private double objective(double[][] X, double[] y, double[] theta) {
        double total = 0;
        for (int i = 0; i < X.length; i++) {
            total += deviance(y[i], mean(eta(X[i], theta)));
        }
        double penalty = 0;
        for (int j = 0; j < theta.length - 1; j++) {
            penalty += theta[j] * theta[j];
        }
        return total / (2 * X.length) + alpha / 2 * penalty;
    }

    /** The unit deviance of the Tweedie distribution of this power. */
    double deviance(double y, double mu) {
        if (power == 0) {
            return (y - mu) * (y - mu);
        }
        if (power == 1) {
            return 2 * ((y > 0 ? y * Math.log(y / mu) : 0) - y + mu);
        }
        if (power == 2) {
            return 2 * (Math.log(mu / y) + y / mu - 1);
        }
        double p = power;
        return 2 * (Math.pow(Math.max(y, 0), 2 - p) / ((1 - p) * (2 - p)) - y * Math.pow(mu, 1 - p) / (1 - p)
                + Math.pow(mu, 2 - p) / (2 - p));
    }
}

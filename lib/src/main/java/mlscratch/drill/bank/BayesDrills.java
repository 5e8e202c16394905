package mlscratch.drill.bank;

import java.util.List;

import mlscratch.drill.Difficulty;
import mlscratch.drill.Drill;
import mlscratch.drill.DrillCase;
import mlscratch.drill.DrillSet;
import mlscratch.drill.Expect;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// A drill on Gaussian naive Bayes: fit the per-class statistics and score queries in log space.
public final class BayesDrills implements DrillSet {

    @Override
    public List<Drill> drills() { return List.of(gaussianNb()); }

    static Matrix logJointRef(Matrix X, Vector y, Matrix Q) {
        int n = X.rows(), d = X.cols(), K = (int) y.max() + 1;
        double[][] mu = new double[K][d], var = new double[K][d];
        int[] count = new int[K];
        for (int i = 0; i < n; i++) {
            int c = (int) y.get(i);
            count[c]++;
            for (int j = 0; j < d; j++) mu[c][j] += X.get(i, j);
        }
        for (int c = 0; c < K; c++) for (int j = 0; j < d; j++) mu[c][j] /= count[c];              // μ_cj
        for (int i = 0; i < n; i++) {
            int c = (int) y.get(i);
            for (int j = 0; j < d; j++) { double t = X.get(i, j) - mu[c][j]; var[c][j] += t * t; }
        }
        for (int c = 0; c < K; c++) for (int j = 0; j < d; j++) var[c][j] = var[c][j] / count[c] + 1e-9;   // σ²_cj (÷ n_c) + 1e-9
        double[][] out = new double[Q.rows()][K];
        for (int q = 0; q < Q.rows(); q++)
            for (int c = 0; c < K; c++) {
                double s = Math.log((double) count[c] / n);                                        // log P(c)
                for (int j = 0; j < d; j++) {
                    double t = Q.get(q, j) - mu[c][j];
                    s += -0.5 * Math.log(2 * Math.PI * var[c][j]) - t * t / (2 * var[c][j]);        // log N(x; μ, σ²)
                }
                out[q][c] = s;
            }
        return Q.rows() == 0 ? Matrix.zeros(0, K) : Matrix.of(out);
    }

    static Drill gaussianNb() {
        return Drill.builder("gaussian-nb")
                .title("Gaussian naive Bayes: log joint per class").topic("probabilistic").difficulty(Difficulty.MEDIUM)
                .signature("Matrix gaussianNbLogJoint(Matrix X, Vector y, Matrix Q)")
                .statement("""
                        Training data X (n×d) with labels y in 0..K−1 (K = max(y) + 1; every class occurs); queries Q
                        (q×d). Fit Gaussian naive Bayes: prior P(c) = n_c/n; per class c and feature j the mean μ_cj
                        and the variance σ²_cj = (1/n_c) Σ (x − μ_cj)² (divide by n_c, not n_c − 1) PLUS 1e-9.
                        Return the q×K matrix of log joint probabilities
                            L[i][c] = log P(c) + Σⱼ log N(Q[i][j]; μ_cj, σ²_cj),   log N(x; μ, σ²) = −½ log(2πσ²) − (x − μ)²/(2σ²)
                        (the predicted class is the argmax of each row). Work in logs: a product of 100 densities
                        underflows.
                        Edge cases: a class with one sample (σ² = 1e-9); a constant feature; a query far away
                        (log joint ≈ −1e8: very negative but finite); many features.
                        Tolerance: each entry within 1e-9 · max(1, |expected|).""")
                .starter("""
                        Matrix gaussianNbLogJoint(Matrix X, Vector y, Matrix Q) {
                            int n = X.rows(), d = X.cols(), K = (int) y.max() + 1;
                            // counts, means, variances per class; then score each query
                            return null;
                        }""")
                .hints("Two passes over the training rows: sums for the means, then squared deviations for the variances.",
                       "Add 1e-9 to every variance AFTER dividing by n_c.",
                       "Sum log densities (never multiply densities); add log(n_c / n).")
                .solution("""
                        Matrix gaussianNbLogJoint(Matrix X, Vector y, Matrix Q) {
                            int n = X.rows(), d = X.cols(), K = (int) y.max() + 1;
                            double[][] mu = new double[K][d], var = new double[K][d];
                            int[] count = new int[K];
                            for (int i = 0; i < n; i++) {
                                int c = (int) y.get(i);
                                count[c]++;
                                for (int j = 0; j < d; j++) mu[c][j] += X.get(i, j);
                            }
                            for (int c = 0; c < K; c++) for (int j = 0; j < d; j++) mu[c][j] /= count[c];
                            for (int i = 0; i < n; i++) {
                                int c = (int) y.get(i);
                                for (int j = 0; j < d; j++) { double t = X.get(i, j) - mu[c][j]; var[c][j] += t * t; }
                            }
                            for (int c = 0; c < K; c++) for (int j = 0; j < d; j++) var[c][j] = var[c][j] / count[c] + 1e-9;
                            double[][] L = new double[Q.rows()][K];
                            for (int q = 0; q < Q.rows(); q++)
                                for (int c = 0; c < K; c++) {
                                    double s = Math.log((double) count[c] / n);                  // log P(c)
                                    for (int j = 0; j < d; j++) {
                                        double t = Q.get(q, j) - mu[c][j];
                                        s += -0.5 * Math.log(2 * Math.PI * var[c][j]) - t * t / (2 * var[c][j]);
                                    }
                                    L[q][c] = s;
                                }
                            return Matrix.of(L);
                        }""")
                .explanation("""
                        Bayes: P(c | x) ∝ P(c) p(x | c). The naive assumption makes the features independent given the
                        class, p(x | c) = Πⱼ p(xⱼ | c), and the Gaussian choice p(xⱼ | c) = N(xⱼ; μ_cj, σ²_cj). The MLE of
                        each is the class mean and the biased (÷ n_c) variance; the MLE of P(c) is n_c/n.
                        In logs the product becomes a sum: log P(c) + Σⱼ [−½ log(2πσ²_cj) − (xⱼ − μ_cj)²/(2σ²_cj)].
                        The tiny variance floor (scikit-learn uses 1e-9 × the largest feature variance) keeps a
                        constant feature or a one-sample class from dividing by zero. To turn the row into
                        probabilities subtract its log-sum-exp (softmax); for the class, argmax is enough.""")
                .reference((Matrix X, Vector y, Matrix Q) -> logJointRef(X, y, Q))
                .tests(
                        // class 0: x = 0, 2 (μ = 1, σ² = 1); class 1: x = 10 (μ = 10, σ² = 1e-9); query 1:
                        // L[0] = log ⅔ − ½ log 2π ≈ −1.3244; L[1] = log ⅓ − ½ log(2π·1e-9) − 81/(2e-9) ≈ −4.05e10
                        DrillCase.of("hand case, one-sample class", Expect.close(1e-9),
                                Bank.m(new double[] {0}, new double[] {2}, new double[] {10}), Vector.of(0, 0, 1),
                                Bank.m(new double[] {1})),
                        DrillCase.of("constant feature", Expect.close(1e-9),
                                Bank.m(new double[] {1, 5}, new double[] {2, 5}, new double[] {3, 5}, new double[] {6, 5}),
                                Vector.of(0, 0, 1, 1), Bank.m(new double[] {2, 5}, new double[] {5, 5})),
                        DrillCase.random("query far away", 111, rng -> new Object[] {Matrix.randn(20, 2, rng), Bank.labels(20, 2, rng),
                                Bank.m(new double[] {1e4, -1e4})}, Expect.close(1e-9)),
                        DrillCase.random("many features (100)", 112, rng -> new Object[] {Matrix.randn(30, 100, rng), Bank.labels(30, 3, rng),
                                Matrix.randn(4, 100, rng)}, Expect.close(1e-9)),
                        DrillCase.random("random 60×3, K = 4", 113, rng -> new Object[] {Matrix.randn(60, 3, rng).scale(2),
                                Bank.labels(60, 4, rng), Matrix.randn(10, 3, rng)}, Expect.close(1e-9)))
                .build();
    }
}

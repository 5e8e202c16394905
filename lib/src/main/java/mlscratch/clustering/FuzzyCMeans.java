package mlscratch.clustering;

import java.util.Locale;
import java.util.random.RandomGenerator;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;
import mlscratch.model.Inputs;
import mlscratch.model.Predictor;
import mlscratch.model.Trace;
import mlscratch.util.Check;
import mlscratch.util.Progress;

/// Fuzzy c-means: k-means with soft assignments. Every point belongs to every cluster with a membership
/// between 0 and 1 (its memberships sum to 1), and a point between two clusters belongs half to each.
///
/// ## Notation
/// ```
/// X  n×d   one example per row          k     number of clusters
/// cⱼ d     centroid of cluster j        uᵢⱼ   membership of xᵢ in cluster j, Σⱼ uᵢⱼ = 1
/// m > 1    the fuzzifier (default 2)    dᵢⱼ = ‖xᵢ − cⱼ‖
/// ```
/// ## Model
/// ```
/// membership(x)ⱼ = 1 / Σₗ (dⱼ / dₗ)^(2/(m−1))      (a point on a centroid belongs to it alone)
/// predict(x)     = argmaxⱼ membership(x)ⱼ
/// ```
/// ## Objective
/// ```
/// Jₘ(u, c) = Σᵢ Σⱼ uᵢⱼᵐ ‖xᵢ − cⱼ‖²        subject to Σⱼ uᵢⱼ = 1, uᵢⱼ ≥ 0
/// ```
/// m → 1 makes the memberships hard (k-means, J₁ = inertia); large m makes them all 1/k.
/// ## Update — alternating minimisation (neither step can increase Jₘ; the trace records Jₘ)
/// ```
/// centroids    cⱼ ← Σᵢ uᵢⱼᵐ xᵢ / Σᵢ uᵢⱼᵐ                 ∂Jₘ/∂cⱼ = −2 Σᵢ uᵢⱼᵐ (xᵢ − cⱼ) = 0
/// memberships  uᵢⱼ ← 1 / Σₗ (dᵢⱼ / dᵢₗ)^(2/(m−1))       Lagrangian of Σⱼ uᵢⱼᵐ dᵢⱼ² − λ(Σⱼ uᵢⱼ − 1):
///                                                      m uᵢⱼᵐ⁻¹ dᵢⱼ² = λ ⇒ uᵢⱼ ∝ dᵢⱼ^(−2/(m−1))
/// ```
/// It starts from random memberships (each row uniform, then normalised; seeded) and stops when no
/// membership moves by more than `tol`: `maxᵢⱼ |uᵢⱼ⁺ − uᵢⱼ| < tol`. The membership update is computed as
/// `dᵢⱼ^(−2/(m−1)) / Σₗ dᵢₗ^(−2/(m−1))` after dividing every distance by the smallest of the row, so that
/// no power overflows (the ratio is unchanged).
///
/// ## Cost
/// O(n·k·d) per iteration, like k-means, plus O(n·k) powers.
///
/// ## Example
/// ```
/// var X = Datasets.iris().X();
/// var f = FuzzyCMeans.fit(X, 3);
/// f.centroids();  f.memberships();  f.objective();  f.partitionCoefficient();
/// f.membership(X.rows(0, 5));  f.predict(X);
/// ```
/// Tutorial 23 (tutorials/23-fuzzy-cmeans-and-gmm.jsh) derives the updates and plots the memberships.
///
/// ## References
/// Dunn, *A fuzzy relative of the ISODATA process* (1973); Bezdek, *Pattern Recognition with Fuzzy
/// Objective Function Algorithms* (1981); Bezdek, Ehrlich & Full, *FCM: the fuzzy c-means clustering
/// algorithm* (1984).
///
/// @param centroids   k×d, cⱼ in row j
/// @param memberships n×k, uᵢⱼ of each training row (rows sum to 1), at the final centroids
/// @param objective   Jₘ at the final centroids and memberships
/// @param trace       Jₘ at the start and after each iteration
/// @param options     the options it was fitted with
public record FuzzyCMeans(Matrix centroids, Matrix memberships, double objective, Trace trace, Options options)
        implements Predictor {

    /// @param k       number of clusters (default 8, like KMeans)
    /// @param m       the fuzzifier, > 1 (default 2)
    /// @param maxIter the most iterations (default 300)
    /// @param tol     stop when no membership changes by more than tol (default 1e-5)
    /// @param seed    seeds the random start memberships: same seed ⇒ same model
    public record Options(int k, double m, int maxIter, double tol, long seed) {
        public Options {
            String where = "FuzzyCMeans.Options";
            Check.positive(where, "k", k);
            Check.that(m > 1 && Double.isFinite(m), where, "'m' must be finite and > 1, got %s", m);
            Check.positive(where, "maxIter", maxIter);
            Check.nonNegative(where, "tol", tol);
        }

        public static Options defaults() { return new Options(8, 2.0, 300, 1e-5, 42); }

        public Options withK(int k) { return new Options(k, m, maxIter, tol, seed); }

        public Options withM(double m) { return new Options(k, m, maxIter, tol, seed); }

        public Options withMaxIter(int maxIter) { return new Options(k, m, maxIter, tol, seed); }

        public Options withTol(double tol) { return new Options(k, m, maxIter, tol, seed); }

        public Options withSeed(long seed) { return new Options(k, m, maxIter, tol, seed); }
    }

    public FuzzyCMeans {
        String where = "FuzzyCMeans";
        Check.notNull(where, "centroids", centroids).requireFinite(where, "centroids");
        Check.notNull(where, "memberships", memberships).requireFinite(where, "memberships");
        Check.notNull(where, "trace", trace);
        Check.notNull(where, "options", options);
        Check.that(centroids.rows() >= 1 && centroids.cols() >= 1, where, "centroids is %s but needs at least one row and one column",
                centroids.shape());
        Check.that(memberships.cols() == centroids.rows(), where, "memberships has %d columns but there are %d centroids",
                memberships.cols(), centroids.rows());
    }

    /// Fits with [Options#defaults()] (k = 8).
    public static FuzzyCMeans fit(Matrix X) { return fit(X, Options.defaults()); }

    /// Fits `k` clusters with otherwise default options.
    public static FuzzyCMeans fit(Matrix X, int k) { return fit(X, Options.defaults().withK(k)); }

    public static FuzzyCMeans fit(Matrix X, Options options) {
        String where = "FuzzyCMeans.fit";
        Check.notNull(where, "X", X);
        Inputs.requireX(where, X, X.cols());
        Check.notNull(where, "options", options);
        int n = X.rows(), d = X.cols(), k = options.k();
        if (k > n) throw Check.fail("FuzzyCMeans", "k = " + k + " exceeds the number of samples n = " + n);
        double m = options.m();
        double[] x = X.toArray();
        double[] u = randomMemberships(n, k, Rng.of(options.seed()));   // rows sum to 1
        double[] c = centroids(x, n, d, k, u, m);
        double J = objective(x, n, d, k, u, c, m);                        // Jₘ at the start
        var trace = Trace.builder().loss(J);
        int iter = 0;
        boolean converged = false, stopped = false;
        try (var progress = Progress.start("FuzzyCMeans", options.maxIter())) {
            while (iter < options.maxIter()) {
                iter++;
                c = centroids(x, n, d, k, u, m);                          // cⱼ ← Σᵢ uᵢⱼᵐ xᵢ / Σᵢ uᵢⱼᵐ
                double[] next = memberships(x, n, d, k, c, m);            // uᵢⱼ ← 1 / Σₗ (dᵢⱼ/dᵢₗ)^(2/(m−1))
                double moved = 0;
                for (int q = 0; q < n * k; q++) moved = Math.max(moved, Math.abs(next[q] - u[q]));   // maxᵢⱼ |uᵢⱼ⁺ − uᵢⱼ|
                u = next;
                J = objective(x, n, d, k, u, c, m);
                trace.loss(J);
                progress.step(J);
                if (moved < options.tol()) { converged = true; break; }
                if (progress.stopped()) { stopped = true; break; }   // u matches c: a usable model
            }
        }
        trace.iterations(iter).converged(converged);
        if (stopped) trace.note("stopped by Ctrl-C after " + iter + " iterations; the model is the one so far");
        else if (!converged) trace.note("stopped at maxIter = " + options.maxIter() + " before converging");
        return new FuzzyCMeans(Matrix.wrap(k, d, c), Matrix.wrap(n, k, u), J, trace.build(), options);
    }

    /// n×k memberships of each row of `X` to the fitted centroids (rows sum to 1).
    public Matrix membership(Matrix X) {
        Inputs.requireX("FuzzyCMeans.membership", X, centroids.cols());
        int n = X.rows(), d = X.cols(), k = k();
        return Matrix.wrap(n, k, memberships(X.toArray(), n, d, k, centroids.toArray(), options.m()));
    }

    /// The cluster of highest membership for each row of `X` (0 … k−1), which is also the nearest centroid.
    @Override public Vector predict(Matrix X) {
        Inputs.requireX("FuzzyCMeans.predict", X, centroids.cols());
        int n = X.rows(), d = X.cols(), k = k();
        double[] u = memberships(X.toArray(), n, d, k, centroids.toArray(), options.m());
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            int arg = 0;
            for (int j = 1; j < k; j++) if (u[i * k + j] > u[i * k + arg]) arg = j;
            z[i] = arg;
        }
        return Vector.wrap(z);
    }

    /// Bezdek's partition coefficient `(1/n) Σᵢⱼ uᵢⱼ²` of the training memberships: 1 for a hard partition,
    /// 1/k when every point belongs equally to all clusters.
    public double partitionCoefficient() {
        return memberships.hadamard(memberships).sum() / memberships.rows();
    }

    /// The number of clusters.
    public int k() { return centroids.rows(); }

    @Override public String toString() {
        return String.format(Locale.ROOT, "FuzzyCMeans(k = %d, d = %d, m = %s, J = %.4f, partition coefficient = %.4f)%n  centroids = %s%n  %s",
                k(), centroids.cols(), options.m(), objective, partitionCoefficient(),
                centroids.toString().replace("\n", "\n  "), trace.toString().replace("\n", "\n  "));
    }

    // ───────────────────────────── the two steps ─────────────────────────────

    /// cⱼ = Σᵢ uᵢⱼᵐ xᵢ / Σᵢ uᵢⱼᵐ.
    private static double[] centroids(double[] x, int n, int d, int k, double[] u, double m) {
        double[] c = new double[k * d], w = new double[k];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < k; j++) {
                double um = Math.pow(u[i * k + j], m);                    // uᵢⱼᵐ
                w[j] += um;
                for (int f = 0; f < d; f++) c[j * d + f] += um * x[i * d + f];
            }
        for (int j = 0; j < k; j++)
            for (int f = 0; f < d; f++) c[j * d + f] /= w[j];             // w[j] > 0: memberships are never all 0
        return c;
    }

    /// uᵢⱼ = dᵢⱼ^(−2/(m−1)) / Σₗ dᵢₗ^(−2/(m−1)); a row with zero distances splits its membership equally
    /// among the centroids it sits on.
    private static double[] memberships(double[] x, int n, int d, int k, double[] c, double m) {
        double[] u = new double[n * k], d2 = new double[k];
        double p = 1 / (m - 1);                                           // (d²)^(−1/(m−1)) = d^(−2/(m−1))
        for (int i = 0; i < n; i++) {
            double min = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double s = Rows.squaredDistance(x, i * d, c, j * d, d);
                d2[j] = s;                                                // dᵢⱼ² = ‖xᵢ − cⱼ‖²
                min = Math.min(min, s);
            }
            double sum = 0;
            if (min == 0) {                                               // on a centroid: it belongs there alone
                for (int j = 0; j < k; j++) sum += u[i * k + j] = d2[j] == 0 ? 1 : 0;
            } else {
                for (int j = 0; j < k; j++) sum += u[i * k + j] = Math.pow(min / d2[j], p);   // (dᵢⱼ²/min)^(−1/(m−1)) ≤ 1
            }
            for (int j = 0; j < k; j++) u[i * k + j] /= sum;
        }
        return u;
    }

    /// Jₘ = Σᵢⱼ uᵢⱼᵐ ‖xᵢ − cⱼ‖².
    private static double objective(double[] x, int n, int d, int k, double[] u, double[] c, double m) {
        double J = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < k; j++) {
                J += Math.pow(u[i * k + j], m) * Rows.squaredDistance(x, i * d, c, j * d, d);
            }
        return J;
    }

    /// Each row uniform on [0, 1), then divided by its sum.
    private static double[] randomMemberships(int n, int k, RandomGenerator rng) {
        double[] u = new double[n * k];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < k; j++) s += u[i * k + j] = 1e-3 + rng.nextDouble();   // > 0: every cluster gets weight
            for (int j = 0; j < k; j++) u[i * k + j] /= s;
        }
        return u;
    }
}

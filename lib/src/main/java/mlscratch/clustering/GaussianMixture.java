package mlscratch.clustering;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import mlscratch.linalg.Cholesky;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.NotPositiveDefiniteException;
import mlscratch.linalg.Vector;
import mlscratch.model.Inputs;
import mlscratch.model.Predictor;
import mlscratch.model.Trace;
import mlscratch.util.Check;
import mlscratch.util.Progress;

/// Gaussian mixture model fitted by expectation–maximisation: k Gaussian bumps whose weighted sum is
/// the density of the data; each point belongs to every component with a probability (soft clustering).
///
/// ## Notation
/// ```
/// X  n×d   one example per row          k     number of components
/// πⱼ       mixing weight (Σⱼ πⱼ = 1)     μⱼ    mean (d)          Σⱼ   covariance (d×d, or its diagonal)
/// γᵢⱼ      responsibility: P(component j | xᵢ)                  Nⱼ = Σᵢ γᵢⱼ, the soft count
/// ```
/// ## Model
/// ```
/// p(x) = Σⱼ πⱼ 𝒩(x | μⱼ, Σⱼ)
/// log 𝒩(x | μ, Σ) = −½ (d log 2π + log det Σ + (x − μ)ᵀΣ⁻¹(x − μ))      with Σ = LLᵀ (Cholesky):
///                 = −½ d log 2π − Σ_f log L_ff − ½ ‖L⁻¹(x − μ)‖²
/// predictProba(x)ⱼ = γⱼ(x) = πⱼ𝒩(x | μⱼ, Σⱼ) / p(x),    predict(x) = argmaxⱼ γⱼ(x)
/// ```
/// ## Objective — the log-likelihood
/// ```
/// ℓ(θ) = Σᵢ log p(xᵢ) = Σᵢ log Σⱼ πⱼ 𝒩(xᵢ | μⱼ, Σⱼ)
/// ```
/// ## Update — EM (each step cannot decrease ℓ; the trace records −ℓ/n, which never increases)
/// ```
/// E-step   log rᵢⱼ = log πⱼ + log 𝒩(xᵢ | μⱼ, Σⱼ)
///          log p(xᵢ) = logsumexpⱼ log rᵢⱼ = m + log Σⱼ exp(log rᵢⱼ − m),  m = maxⱼ log rᵢⱼ
///          γᵢⱼ = exp(log rᵢⱼ − log p(xᵢ))
/// M-step   Nⱼ = Σᵢ γᵢⱼ,   πⱼ = Nⱼ / n,   μⱼ = Σᵢ γᵢⱼ xᵢ / Nⱼ
///          Σⱼ = Σᵢ γᵢⱼ (xᵢ − μⱼ)(xᵢ − μⱼ)ᵀ / Nⱼ + reg·I        (DIAGONAL: only the diagonal of it)
/// ```
/// The E-step works in logs: densities in 50 dimensions underflow to 0, their logs do not (log-sum-exp).
/// `reg` (default 1e-6, scikit-learn's `reg_covar`) keeps every Σⱼ positive definite when a component
/// collapses onto a few points; like scikit-learn, Nⱼ gets 10ε added so an empty component stays finite.
/// EM stops when the mean log-likelihood ℓ/n changes by less than `tol`. The start: k-means (one
/// k-means++ start, seeded), its hard labels as γ, then one M-step. ℓ has local maxima; `nInit` starts
/// keep the best.
///
/// Choosing k: the Bayesian information criterion `BIC = −2ℓ + p log n` ([#bic(Matrix)]; lower is better),
/// with p free parameters: (k − 1) weights, kd means, and kd(d + 1)/2 (full) or kd (diagonal) variances.
///
/// ## Cost
/// Per iteration O(nkd²) (full: the triangular solves and the scatter matrices) plus O(kd³) for the
/// Cholesky factors; O(nkd) for DIAGONAL.
///
/// ## Example
/// ```
/// var X = Datasets.iris().X();
/// var g = GaussianMixture.fit(X, 3);
/// g.weights();  g.means();  g.covariances();  g.trace();
/// g.predictProba(X);  g.predict(X);  g.score(X);   // mean log-likelihood ≈ −1.2 per flower
/// g.bic(X);                                        // compare over k = 1 … 6
/// ```
/// Tutorial 23 (tutorials/23-fuzzy-cmeans-and-gmm.jsh) derives EM and shows one step by hand.
///
/// ## References
/// Dempster, Laird & Rubin, *Maximum likelihood from incomplete data via the EM algorithm* (1977);
/// Bishop, *Pattern Recognition and Machine Learning*, §9.2; Schwarz, *Estimating the dimension of a model*
/// (1978, BIC); scikit-learn's `GaussianMixture`.
///
/// @param weights        π, k mixing weights summing to 1
/// @param means          k×d, μⱼ in row j
/// @param covariances    Σⱼ, k matrices d×d (diagonal matrices for DIAGONAL), reg already added
/// @param logLikelihood  ℓ = Σᵢ log p(xᵢ) of the training data at these parameters
/// @param trace          −ℓ/n after the start and after each EM iteration of the best start
/// @param options        the options it was fitted with
public record GaussianMixture(Vector weights, Matrix means, List<Matrix> covariances, double logLikelihood, Trace trace,
                              Options options) implements Predictor {

    /// The shape of each Σⱼ.
    public enum Covariance {
        /// Any symmetric positive definite d×d matrix: d(d + 1)/2 parameters per component.
        FULL,
        /// Axis-aligned: only the variances on the diagonal, d parameters per component.
        DIAGONAL
    }

    /// @param k          number of components (default 1, like scikit-learn)
    /// @param covariance FULL (default) or DIAGONAL
    /// @param reg        added to the diagonal of every Σⱼ (default 1e-6)
    /// @param maxIter    the most EM iterations per start (default 100)
    /// @param tol        stop when the mean log-likelihood changes by less than tol (default 1e-3)
    /// @param nInit      number of starts; the highest log-likelihood wins (default 1)
    /// @param seed       seeds the k-means start: same seed ⇒ same model
    public record Options(int k, Covariance covariance, double reg, int maxIter, double tol, int nInit, long seed) {
        public Options {
            String where = "GaussianMixture.Options";
            Check.positive(where, "k", k);
            Check.notNull(where, "covariance", covariance);
            Check.nonNegative(where, "reg", reg);
            Check.positive(where, "maxIter", maxIter);
            Check.nonNegative(where, "tol", tol);
            Check.positive(where, "nInit", nInit);
        }

        public static Options defaults() { return new Options(1, Covariance.FULL, 1e-6, 100, 1e-3, 1, 42); }

        public Options withK(int k) { return new Options(k, covariance, reg, maxIter, tol, nInit, seed); }

        public Options withCovariance(Covariance covariance) { return new Options(k, covariance, reg, maxIter, tol, nInit, seed); }

        public Options withReg(double reg) { return new Options(k, covariance, reg, maxIter, tol, nInit, seed); }

        public Options withMaxIter(int maxIter) { return new Options(k, covariance, reg, maxIter, tol, nInit, seed); }

        public Options withTol(double tol) { return new Options(k, covariance, reg, maxIter, tol, nInit, seed); }

        public Options withNInit(int nInit) { return new Options(k, covariance, reg, maxIter, tol, nInit, seed); }

        public Options withSeed(long seed) { return new Options(k, covariance, reg, maxIter, tol, nInit, seed); }
    }

    public GaussianMixture {
        String where = "GaussianMixture";
        Check.notNull(where, "weights", weights).requireFinite(where, "weights");
        Check.notNull(where, "means", means).requireFinite(where, "means");
        covariances = List.copyOf(Check.notNull(where, "covariances", covariances));
        Check.notNull(where, "trace", trace);
        Check.notNull(where, "options", options);
        int k = means.rows(), d = means.cols();
        Check.that(k >= 1 && d >= 1, where, "means is %s but needs at least one row and one column", means.shape());
        Check.that(weights.size() == k && covariances.size() == k, where,
                "weights has size %d and covariances %d, but means has %d rows", weights.size(), covariances.size(), k);
        for (int j = 0; j < k; j++)
            Check.that(covariances.get(j).rows() == d && covariances.get(j).cols() == d, where,
                    "covariances[%d] is %s but must be %d×%d", j, covariances.get(j).shape(), d, d);
    }

    /// One component (k = 1, a single Gaussian).
    public static GaussianMixture fit(Matrix X) { return fit(X, Options.defaults()); }

    /// `k` components, otherwise the defaults.
    public static GaussianMixture fit(Matrix X, int k) { return fit(X, Options.defaults().withK(k)); }

    public static GaussianMixture fit(Matrix X, Options options) {
        String where = "GaussianMixture.fit";
        Check.notNull(where, "X", X);
        Inputs.requireX(where, X, X.cols());
        Check.notNull(where, "options", options);
        int n = X.rows(), k = options.k();
        if (k > n) throw Check.fail("GaussianMixture", "k = " + k + " exceeds the number of samples n = " + n);
        double[] x = X.toArray();
        Run best = null;
        boolean stopped = false;
        try (var progress = Progress.start("GaussianMixture", (long) options.nInit() * options.maxIter())) {
            for (int start = 0; start < options.nInit() && !stopped; start++) {
                Run run = em(x, X, options, options.seed() + start, progress);
                if (best == null || run.logLik > best.logLik) best = run;    // keep the highest ℓ
                stopped = progress.stopped();
            }
        }
        var trace = Trace.builder();
        for (double L : best.losses) trace.loss(L);
        trace.iterations(best.iterations).converged(best.converged);
        if (stopped) trace.note("stopped by Ctrl-C; the model is the best start so far");
        else if (!best.converged) trace.note("stopped at maxIter = " + options.maxIter() + " before converging");
        return best.params.model(best.logLik, trace.build(), options);
    }

    // ───────────────────────────── prediction ─────────────────────────────

    /// n×k responsibilities `γᵢⱼ = P(component j | xᵢ)`; each row sums to 1.
    public Matrix predictProba(Matrix X) {
        Inputs.requireX("GaussianMixture.predictProba", X, d());
        int n = X.rows(), k = k();
        double[] logR = new double[n * k];
        double[] logP = params().eStep(X.toArray(), n, logR);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < k; j++) logR[i * k + j] = Math.exp(logR[i * k + j] - logP[i]);   // γᵢⱼ = exp(log rᵢⱼ − log p(xᵢ))
        return Matrix.wrap(n, k, logR);
    }

    /// The most probable component of each row, argmaxⱼ γᵢⱼ (0 … k−1).
    @Override public Vector predict(Matrix X) {
        Inputs.requireX("GaussianMixture.predict", X, d());
        int n = X.rows(), k = k();
        double[] logR = new double[n * k];
        params().eStep(X.toArray(), n, logR);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            int arg = 0;
            for (int j = 1; j < k; j++) if (logR[i * k + j] > logR[i * k + arg]) arg = j;
            z[i] = arg;
        }
        return Vector.wrap(z);
    }

    /// `log p(xᵢ)` for each row: the log of the mixture density.
    public Vector scoreSamples(Matrix X) {
        Inputs.requireX("GaussianMixture.scoreSamples", X, d());
        return Vector.wrap(params().eStep(X.toArray(), X.rows(), new double[X.rows() * k()]));
    }

    /// The mean log-likelihood per row, `ℓ/n` (scikit-learn's `score`).
    public double score(Matrix X) { return scoreSamples(X).mean(); }

    /// The number of free parameters p: (k − 1) + kd + kd(d + 1)/2 (FULL) or + kd (DIAGONAL).
    public int nParameters() {
        int k = k(), d = d();
        int cov = options.covariance() == Covariance.FULL ? k * d * (d + 1) / 2 : k * d;
        return (k - 1) + k * d + cov;
    }

    /// Bayesian information criterion on X, `−2ℓ + p log n` (lower is better).
    public double bic(Matrix X) {
        return -2 * score(X) * X.rows() + nParameters() * Math.log(X.rows());
    }

    /// Akaike information criterion on X, `−2ℓ + 2p` (lower is better).
    public double aic(Matrix X) { return -2 * score(X) * X.rows() + 2 * nParameters(); }

    /// The number of components.
    public int k() { return means.rows(); }

    /// The number of features.
    public int d() { return means.cols(); }

    @Override public String toString() {
        return String.format(Locale.ROOT, "GaussianMixture(k = %d, d = %d, %s, log-likelihood = %.4f)%n  weights = %s%n  means = %s%n  %s",
                k(), d(), options.covariance().name().toLowerCase(Locale.ROOT), logLikelihood, weights,
                means.toString().replace("\n", "\n  "), trace.toString().replace("\n", "\n  "));
    }

    // ───────────────────────────── EM ─────────────────────────────

    private record Run(Params params, double logLik, double[] losses, int iterations, boolean converged) {}

    private static Run em(double[] x, Matrix X, Options options, long seed, Progress progress) {
        int n = X.rows(), d = X.cols(), k = options.k();
        // start: hard k-means labels as responsibilities, then one M-step
        var km = KMeans.fit(X, KMeans.Options.defaults().withK(k).withNInit(1).withSeed(seed));
        double[] gamma = new double[n * k];
        for (int i = 0; i < n; i++) gamma[i * k + (int) km.labels().get(i)] = 1;
        Params p = Params.mStep(x, n, d, k, gamma, options);
        double[] logR = new double[n * k];
        double[] logP = p.eStep(x, n, logR);                             // log p(xᵢ) and log rᵢⱼ at θ
        double logLik = sum(logP);                                       // ℓ = Σᵢ log p(xᵢ)
        var losses = new ArrayList<Double>();
        losses.add(-logLik / n);
        int iter = 0;
        boolean converged = false;
        while (iter < options.maxIter()) {
            iter++;
            responsibilities(logR, n, k, logP, gamma);                   // E: γᵢⱼ at the current θ
            p = Params.mStep(x, n, d, k, gamma, options);                // M: θ ← argmax of the expected ℓ
            logP = p.eStep(x, n, logR);                                  // the next E-step's logs, and ℓ at the new θ
            double nextLogLik = sum(logP);
            double change = (nextLogLik - logLik) / n;
            logLik = nextLogLik;
            losses.add(-logLik / n);
            progress.step(-logLik / n);
            if (Math.abs(change) < options.tol()) { converged = true; break; }
            if (progress.stopped()) break;
        }
        double[] L = new double[losses.size()];
        for (int t = 0; t < L.length; t++) L[t] = losses.get(t);
        return new Run(p, logLik, L, iter, converged);
    }

    /// γᵢⱼ = exp(log rᵢⱼ − log p(xᵢ)).
    private static void responsibilities(double[] logR, int n, int k, double[] logP, double[] gamma) {
        for (int i = 0; i < n; i++)
            for (int j = 0; j < k; j++) gamma[i * k + j] = Math.exp(logR[i * k + j] - logP[i]);
    }

    /// θ = (π, μ, Σ) with the Cholesky factor of each Σⱼ (full: L row-major d×d; diagonal: the variances).
    private record Params(int k, int d, double[] pi, double[] mu, double[][] cov, double[][] chol, boolean full) {

        /// The M-step from responsibilities γ (n×k).
        static Params mStep(double[] x, int n, int d, int k, double[] gamma, Options options) {
            boolean full = options.covariance() == Covariance.FULL;
            double tiny = 10 * Math.ulp(1.0);
            double[] N = new double[k], pi = new double[k], mu = new double[k * d];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < k; j++) {
                    double g = gamma[i * k + j];
                    N[j] += g;                                           // Nⱼ = Σᵢ γᵢⱼ
                    for (int f = 0; f < d; f++) mu[j * d + f] += g * x[i * d + f];
                }
            for (int j = 0; j < k; j++) {
                N[j] += tiny;                                            // an empty component stays finite
                pi[j] = N[j] / n;                                        // πⱼ = Nⱼ / n
                for (int f = 0; f < d; f++) mu[j * d + f] /= N[j];       // μⱼ = Σᵢ γᵢⱼ xᵢ / Nⱼ
            }
            double[][] cov = new double[k][], chol = new double[k][];
            double[] diff = new double[d];
            for (int j = 0; j < k; j++) {
                double[] S = new double[full ? d * d : d];
                for (int i = 0; i < n; i++) {
                    double g = gamma[i * k + j];
                    if (g == 0) continue;
                    for (int f = 0; f < d; f++) diff[f] = x[i * d + f] - mu[j * d + f];   // xᵢ − μⱼ
                    if (full) {
                        for (int a = 0; a < d; a++) {
                            double ga = g * diff[a];
                            for (int b = 0; b <= a; b++) S[a * d + b] += ga * diff[b];   // Σᵢ γᵢⱼ (xᵢ − μⱼ)(xᵢ − μⱼ)ᵀ, lower half
                        }
                    } else {
                        for (int f = 0; f < d; f++) S[f] += g * diff[f] * diff[f];
                    }
                }
                if (full) {
                    for (int a = 0; a < d; a++) {
                        for (int b = 0; b <= a; b++) S[a * d + b] = S[b * d + a] = S[a * d + b] / N[j];   // / Nⱼ, mirrored
                        S[a * d + a] += options.reg();                   // + reg·I
                    }
                    chol[j] = factor(S, d, j, options.reg());
                } else {
                    for (int f = 0; f < d; f++) S[f] = S[f] / N[j] + options.reg();
                    for (int f = 0; f < d; f++)
                        if (!(S[f] > 0)) throw collapsed(j, "its variance along feature " + f + " is " + S[f], options.reg());
                    chol[j] = S;
                }
                cov[j] = S;
            }
            return new Params(k, d, pi, mu, cov, chol, full);
        }

        /// Σ = LLᵀ, with a hint when Σ is singular.
        private static double[] factor(double[] S, int d, int j, double reg) {
            try {
                Cholesky c = Cholesky.of(Matrix.wrap(d, d, S.clone()));
                return c.L().toArray();
            } catch (NotPositiveDefiniteException e) {
                throw collapsed(j, "its covariance is not positive definite (pivot in row " + e.row() + " is " + e.pivot() + ")", reg);
            }
        }

        private static NotPositiveDefiniteException collapsed(int j, String what, double reg) {
            return new NotPositiveDefiniteException("GaussianMixture.fit: component " + j + " collapsed: " + what
                    + "; it sits on too few points or on a flat subspace. Increase 'reg' (now " + reg
                    + "), use fewer components, or drop constant / duplicated features", j, Double.NaN);
        }

        /// The E-step: fills log rᵢⱼ = log πⱼ + log 𝒩(xᵢ | μⱼ, Σⱼ) and returns log p(xᵢ) (log-sum-exp).
        double[] eStep(double[] x, int n, double[] logR) {
            double log2pi = Math.log(2 * Math.PI);
            double[] z = new double[d];
            for (int j = 0; j < k; j++) {
                double[] L = chol[j];
                double halfLogDet = 0;                                   // ½ log det Σ = Σ_f log L_ff
                for (int f = 0; f < d; f++) halfLogDet += full ? Math.log(L[f * d + f]) : 0.5 * Math.log(L[f]);
                double base = Math.log(pi[j]) - 0.5 * d * log2pi - halfLogDet;
                for (int i = 0; i < n; i++) {
                    double q = 0;                                        // q = (x − μ)ᵀΣ⁻¹(x − μ)
                    if (full) {
                        for (int a = 0; a < d; a++) {                    // forward substitution: Lz = x − μ
                            double s = x[i * d + a] - mu[j * d + a];
                            for (int b = 0; b < a; b++) s -= L[a * d + b] * z[b];
                            z[a] = s / L[a * d + a];
                            q += z[a] * z[a];                            // q = ‖L⁻¹(x − μ)‖²
                        }
                    } else {
                        for (int f = 0; f < d; f++) {
                            double r = x[i * d + f] - mu[j * d + f];
                            q += r * r / L[f];                           // Σ_f (x_f − μ_f)² / σ_f²
                        }
                    }
                    logR[i * k + j] = base - 0.5 * q;                    // log πⱼ + log 𝒩(xᵢ | μⱼ, Σⱼ)
                }
            }
            double[] logP = new double[n];
            for (int i = 0; i < n; i++) {                                // log-sum-exp, shifted by the max
                double m = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) m = Math.max(m, logR[i * k + j]);
                double s = 0;
                for (int j = 0; j < k; j++) s += Math.exp(logR[i * k + j] - m);
                logP[i] = m + Math.log(s);                               // log p(xᵢ) = m + log Σⱼ exp(log rᵢⱼ − m)
            }
            return logP;
        }

        GaussianMixture model(double logLik, Trace trace, Options options) {
            var covs = new ArrayList<Matrix>(k);
            for (int j = 0; j < k; j++) covs.add(full ? Matrix.wrap(d, d, cov[j]) : Matrix.diag(Vector.wrap(cov[j].clone())));
            return new GaussianMixture(Vector.wrap(pi), Matrix.wrap(k, d, mu), covs, logLik, trace, options);
        }
    }

    /// θ of this model, ready for E-steps (one Cholesky factor per component).
    private Params params() {
        int k = k(), d = d();
        boolean full = options.covariance() == Covariance.FULL;
        double[][] cov = new double[k][], chol = new double[k][];
        for (int j = 0; j < k; j++) {
            Matrix S = covariances.get(j);
            cov[j] = full ? S.toArray() : S.diag().toArray();
            chol[j] = full ? Params.factor(cov[j], d, j, options.reg()) : cov[j];
        }
        return new Params(k, d, weights.toArray(), means.toArray(), cov, chol, full);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double t : v) s += t;
        return s;
    }
}

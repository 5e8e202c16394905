package mlscratch.classification;

import java.util.Locale;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.model.Inputs;
import mlscratch.model.ProbabilisticClassifier;
import mlscratch.model.Trace;
import mlscratch.optim.GradientDescent;
import mlscratch.optim.LBFGS;
import mlscratch.optim.Result;
import mlscratch.optim.SGD;
import mlscratch.optim.Schedule;
import mlscratch.optim.UpdateRule;
import mlscratch.util.Check;

/// Multinomial logistic (softmax) regression: one linear score per class, turned into probabilities by
/// the softmax, fitted by maximum likelihood.
///
/// ## Notation
/// ```
/// X  n×d   one example per row          y  n     labels in 0..k−1,  Y the one-hot n×k matrix
/// W  k×d   one row of weights per class b  k     intercepts
/// softmax(z)_c = e^z_c / Σⱼ e^zⱼ          λ = l2
/// ```
/// ## Model
/// ```
/// P(y = c | x) = softmax(Wx + b)_c       predict: argmax_c (W_c·x + b_c)
/// ```
/// ## Objective (mean cross-entropy, see [SoftmaxObjective])
/// ```
/// L(W, b) = (1/n) Σᵢ [log Σⱼ e^Zᵢⱼ − Zᵢ,yᵢ] + (λ/2)‖W‖²_F,     Z = XWᵀ + 1bᵀ
/// ```
/// ## Gradient
/// ```
/// ∇_W L = (P − Y)ᵀX/n + λW        ∇_b L = (P − Y)ᵀ1/n
/// ```
/// With k = 2 this is logistic regression with `w = W₁ − W₀` (the softmax of two scores is σ of their
/// difference); adding the same vector to every row of W changes no probability, so without a penalty
/// the weights are not unique (the probabilities are).
/// ## Update
/// L-BFGS by default; GD with `η = 1/L_smooth`, or SGD (mini-batches, cosine-annealed η) — see [Solver].
/// Stable log-sum-exp: `log Σ e^z = m + log Σ e^(z − m)`, `m = max z` ([#logSumExp(double[], int, int)]).
/// ## Cost
/// Per gradient: `XWᵀ` and `(P − Y)ᵀX`, 2nkd flops each, plus nk exps.
/// ## Example
/// ```
/// var iris = Datasets.iris();
/// var m = SoftmaxRegression.fit(iris.X(), iris.y());
/// m.predictProba(iris.X());  m.predict(iris.X());  m.W();  m.trace();
/// ```
/// ## References
/// Tutorial `tutorials/06-softmax-regression.jsh`. Bishop, *Pattern Recognition and Machine Learning*,
/// §4.3.4; Murphy, *Probabilistic Machine Learning* (2022), §10.3.
///
/// @param W       weights, k×d (row c scores class c)
/// @param b       intercepts, k (zeros when `options.intercept()` is false)
/// @param options the options it was fitted with
/// @param trace   the optimizer's trace
public record SoftmaxRegression(Matrix W, Vector b, Options options, Trace trace) implements ProbabilisticClassifier {

    /// How the objective is minimised.
    public enum Solver { GD, SGD, LBFGS }

    /// @param l2           λ ≥ 0, the penalty `(λ/2)‖W‖²_F` (default 1e-4)
    /// @param solver       the optimizer (default LBFGS)
    /// @param intercept    fit b (default true)
    /// @param maxIter      iterations (GD, LBFGS) or epochs (SGD), ≥ 1 (default 1000)
    /// @param tol          stop when ‖∇L‖∞ ≤ tol, ≥ 0 (default 1e-6)
    /// @param learningRate η for GD and SGD, > 0, or NaN (the default) for `1/L_smooth`
    /// @param batchSize    rows per SGD step, ≥ 1 (default 32)
    /// @param seed         seeds SGD's shuffles (default 42)
    public record Options(double l2, Solver solver, boolean intercept, int maxIter, double tol, double learningRate,
                          int batchSize, long seed) {
        public Options {
            String where = "SoftmaxRegression.Options";
            Check.nonNegative(where, "l2", l2);
            Check.notNull(where, "solver", solver);
            Check.positive(where, "maxIter", maxIter);
            Check.nonNegative(where, "tol", tol);
            if (!Double.isNaN(learningRate)) Check.positive(where, "learningRate", learningRate);
            Check.positive(where, "batchSize", batchSize);
        }

        public static Options defaults() { return new Options(1e-4, Solver.LBFGS, true, 1000, 1e-6, Double.NaN, 32, 42); }

        public Options withL2(double l2) { return new Options(l2, solver, intercept, maxIter, tol, learningRate, batchSize, seed); }

        public Options withSolver(Solver solver) { return new Options(l2, solver, intercept, maxIter, tol, learningRate, batchSize, seed); }

        public Options withIntercept(boolean intercept) { return new Options(l2, solver, intercept, maxIter, tol, learningRate, batchSize, seed); }

        public Options withMaxIter(int maxIter) { return new Options(l2, solver, intercept, maxIter, tol, learningRate, batchSize, seed); }

        public Options withTol(double tol) { return new Options(l2, solver, intercept, maxIter, tol, learningRate, batchSize, seed); }

        public Options withLearningRate(double learningRate) { return new Options(l2, solver, intercept, maxIter, tol, learningRate, batchSize, seed); }

        public Options withBatchSize(int batchSize) { return new Options(l2, solver, intercept, maxIter, tol, learningRate, batchSize, seed); }

        public Options withSeed(long seed) { return new Options(l2, solver, intercept, maxIter, tol, learningRate, batchSize, seed); }
    }

    public SoftmaxRegression {
        String where = "SoftmaxRegression";
        Check.notNull(where, "W", W).requireFinite(where, "W");
        Check.notNull(where, "b", b).requireFinite(where, "b");
        if (b.size() != W.rows())
            throw Check.fail(where, "W has " + W.rows() + " rows (classes) but b has " + b.size() + " entries");
        Check.notNull(where, "options", options);
        Check.notNull(where, "trace", trace);
    }

    /// A model with hand-picked weights (default options, a closed-form trace).
    public SoftmaxRegression(Matrix W, Vector b) { this(W, b, Options.defaults(), Trace.closedForm()); }

    /// Fits with [Options#defaults()].
    public static SoftmaxRegression fit(Matrix X, Vector y) { return fit(X, y, Options.defaults()); }

    /// Fits `W, b` minimising the mean cross-entropy plus `(λ/2)‖W‖²` with `options.solver()`; the number of
    /// classes is `k = max(y) + 1`.
    public static SoftmaxRegression fit(Matrix X, Vector y, Options options) {
        String where = "SoftmaxRegression.fit";
        Inputs.requireXy(where, X, y);
        Check.notNull(where, "options", options);
        int k = Inputs.requireLabels(where, y);
        var f = objective(X, y, k, options);
        Vector theta0 = Vector.zeros(f.dim());                                 // θ₀ = 0: uniform probabilities
        Result r = switch (options.solver()) {
            case GD -> GradientDescent.minimize(f, theta0, GradientDescent.Options.defaults()
                    .withRule(new UpdateRule.Plain(rate(f, options)))
                    .withMaxIter(options.maxIter()).withTol(options.tol()));
            case SGD -> SGD.minimize(f, theta0, SGD.Options.defaults()
                    .withRule(new UpdateRule.Plain(rate(f, options)))
                    .withSchedule(Schedule.cosine(options.maxIter(), 0))
                    .withBatchSize(options.batchSize()).withEpochs(options.maxIter()).withSeed(options.seed()));
            case LBFGS -> LBFGS.minimize(f, theta0, LBFGS.Options.defaults()
                    .withMaxIter(options.maxIter()).withGtol(options.tol()));
        };
        var trace = options.solver() == Solver.SGD ? r.trace() : LogisticRegression.unconvergedHint(r.trace());   // SGD: a fixed budget
        return new SoftmaxRegression(f.weights(r.w()), f.intercepts(r.w()), options, trace);
    }

    private static double rate(SoftmaxObjective f, Options options) {
        return Double.isNaN(options.learningRate()) ? 1 / f.smoothness() : options.learningRate();
    }

    /// The objective [#fit(Matrix, Vector, Options)] minimises for `k` classes.
    public static SoftmaxObjective objective(Matrix X, Vector y, int k, Options options) {
        Check.notNull("SoftmaxRegression.objective", "options", options);
        return SoftmaxObjective.of(X, y, k, options.l2(), options.intercept());
    }

    /// Number of classes k.
    public int k() { return W.rows(); }

    /// The scores `Z = XWᵀ + 1bᵀ` (n×k), the logits before the softmax.
    public Matrix decisionFunction(Matrix X) {
        Inputs.requireX("SoftmaxRegression.decisionFunction", X, W.cols());
        return X.timesTranspose(W).plusRowVector(b);
    }

    /// `P = softmax(XWᵀ + 1bᵀ)` row by row (n×k; every row sums to 1).
    @Override public Matrix predictProba(Matrix X) {
        Inputs.requireX("SoftmaxRegression.predictProba", X, W.cols());
        int n = X.rows(), k = k();
        double[] P = X.timesTranspose(W).plusRowVector(b).toArray();
        for (int i = 0; i < n; i++) {
            double lse = logSumExp(P, i * k, k);
            for (int c = 0; c < k; c++) P[i * k + c] = Math.exp(P[i * k + c] - lse);   // e^(z − logΣe^z)
        }
        return Matrix.wrap(n, k, P);
    }

    /// The class with the largest score `W_c·x + b_c` (the largest probability).
    @Override public Vector predict(Matrix X) {
        Inputs.requireX("SoftmaxRegression.predict", X, W.cols());
        return Vector.ofInts(X.timesTranspose(W).plusRowVector(b).argmax(1));
    }

    /// `log Σ_c e^z[from + c]` over `k` entries, as `m + log Σ e^(z − m)` with `m = max z`: the largest
    /// term becomes e⁰ = 1, so nothing overflows, and the sum is ≥ 1, so its log is finite.
    public static double logSumExp(double[] z, int from, int k) {
        double m = Double.NEGATIVE_INFINITY;
        for (int c = from; c < from + k; c++) m = Math.max(m, z[c]);
        if (m == Double.NEGATIVE_INFINITY) return m;
        double s = 0;
        for (int c = from; c < from + k; c++) s += Math.exp(z[c] - m);
        return m + Math.log(s);
    }

    /// `log Σ e^zᵢ`, stable (see [#logSumExp(double[], int, int)]).
    public static double logSumExp(Vector z) {
        Check.notNull("SoftmaxRegression.logSumExp", "z", z);
        return logSumExp(z.toArray(), 0, z.size());
    }

    /// `softmax(z)ᵢ = e^(zᵢ − logΣe^z)`: entries in [0, 1] summing to 1, for any finite scores.
    public static Vector softmax(Vector z) {
        double lse = logSumExp(z);
        return z.map(v -> Math.exp(v - lse));
    }

    /// `SoftmaxRegression(k = 3, d = 4, LBFGS, l2 = 1e-4)`, then W, b and the trace.
    @Override public String toString() {
        return String.format(Locale.ROOT, "SoftmaxRegression(k = %d, d = %d, %s, l2 = %s)%n  W = %s%n  b = %s%n  %s",
                k(), W.cols(), options.solver(), LogisticRegression.number(options.l2()), W.toString().replace("\n", "\n      "), b,
                trace.toString().replace("\n", "\n  "));
    }

}

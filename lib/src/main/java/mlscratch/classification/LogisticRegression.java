package mlscratch.classification;

import java.util.Locale;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.model.Inputs;
import mlscratch.model.ProbabilisticClassifier;
import mlscratch.model.Trace;
import mlscratch.optim.GradientDescent;
import mlscratch.optim.LBFGS;
import mlscratch.optim.Newton;
import mlscratch.optim.Result;
import mlscratch.optim.SGD;
import mlscratch.optim.Schedule;
import mlscratch.optim.UpdateRule;
import mlscratch.optim.ValueAndGradient;
import mlscratch.util.Check;
import mlscratch.util.Progress;

/// Binary logistic regression: a linear score squashed into a probability, fitted by maximum likelihood.
///
/// ## Notation
/// ```
/// X  n×d   one example per row          y  n     labels in {0, 1}
/// w  d     weights                      b  ℝ     intercept
/// σ(z) = 1/(1 + e^−z)                   λ = l2,  λ₁ = l1
/// ```
/// ## Model
/// ```
/// P(y = 1 | x) = σ(xw + b)              predict: 1 when P ≥ threshold (default ½), i.e. xw + b ≥ 0
/// ```
/// ## Objective (mean negative log-likelihood, see [LogisticObjective])
/// ```
/// L(w, b) = (1/n) Σᵢ [log(1 + e^zᵢ) − yᵢzᵢ] + (λ/2)‖w‖² + λ₁‖w‖₁,     zᵢ = xᵢw + b
/// ```
/// scikit-learn's `C` is `1/(nλ)`; Smile's `lambda` is `nλ`. The intercept is never penalised.
/// ## Gradient
/// ```
/// ∇_w L = Xᵀ(p − y)/n + λw        ∂L/∂b = Σᵢ(pᵢ − yᵢ)/n        pᵢ = σ(zᵢ)
/// ```
/// (σ′ = σ(1 − σ) cancels the denominator of the log-likelihood: the "error times input" form.)
/// ## Update — one of four [Solver]s
/// ```
/// GD       θ ← θ − η∇L                      η = 1/L_smooth by default (L_smooth = λmax(X̃ᵀX̃)/4n + λ)
/// SGD      θ ← θ − ηₑ∇L_B(θ)                 mini-batches, η annealed to 0 (cosine) over maxIter epochs
/// LBFGS    θ ← θ + α·(−H̃∇L)                  quasi-Newton, strong-Wolfe line search (the default)
/// NEWTON   (X̃ᵀSX̃/n + λI) d = −∇L            S = diag(p(1 − p)): IRLS, quadratic convergence
/// ```
/// With `l1 > 0` only GD applies, as proximal gradient (ISTA): after each step the weights are
/// soft-thresholded, `wⱼ ← sign(wⱼ)·max(|wⱼ| − ηλ₁, 0)`, which sets small weights exactly to zero.
/// ## Cost
/// One pass over X for `Xw` and one for `Xᵀr` per gradient (2nd flops each); Newton adds `XᵀSX` (nd²)
/// and a Cholesky (d³/3) per iteration.
/// ## Example
/// ```
/// var data = Datasets.breastCancer();
/// var X = StandardScaler.fit(data.X()).transform(data.X());
/// var m = LogisticRegression.fit(X, data.y());
/// m.predictProba(X);  m.predict(X);  m.trace();  m.withThreshold(0.3).predict(X);
/// ```
/// ## References
/// Tutorial `tutorials/05-logistic-regression.jsh` derives the gradient and compares GD, Newton and L-BFGS.
/// Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, §4.4; Murphy, *Probabilistic
/// Machine Learning* (2022), §10.2; Beck & Teboulle (2009) for proximal gradient.
///
/// @param w       weights, one per feature
/// @param b       intercept (0 when `options.intercept()` is false)
/// @param options the options it was fitted with (the threshold among them)
/// @param trace   the optimizer's trace
public record LogisticRegression(Vector w, double b, Options options, Trace trace)
        implements ProbabilisticClassifier, ScoringClassifier {

    /// How the objective is minimised.
    public enum Solver { GD, SGD, LBFGS, NEWTON }

    /// @param l2           λ ≥ 0, the L2 penalty `(λ/2)‖w‖²` (default 1e-4: a whisper of ridge keeps the weights
    ///                     finite on separable data; 0 is the pure maximum-likelihood fit)
    /// @param l1           λ₁ ≥ 0, the L1 penalty `λ₁‖w‖₁` (default 0; > 0 needs `Solver.GD`)
    /// @param solver       the optimizer (default LBFGS)
    /// @param intercept    fit b (default true)
    /// @param maxIter      iterations (GD, LBFGS, NEWTON) or epochs (SGD), ≥ 1 (default 1000)
    /// @param tol          stop when ‖∇L‖∞ ≤ tol, ≥ 0 (default 1e-6; SGD runs all its epochs)
    /// @param learningRate η for GD and SGD, > 0, or NaN (the default) for `1/L_smooth`
    /// @param batchSize    rows per SGD step, ≥ 1 (default 32)
    /// @param seed         seeds SGD's shuffles (default 42)
    /// @param threshold    predict 1 when P(y = 1 | x) ≥ threshold, in [0, 1] (default 0.5)
    public record Options(double l2, double l1, Solver solver, boolean intercept, int maxIter, double tol,
                          double learningRate, int batchSize, long seed, double threshold) {
        public Options {
            String where = "LogisticRegression.Options";
            Check.nonNegative(where, "l2", l2);
            Check.nonNegative(where, "l1", l1);
            Check.notNull(where, "solver", solver);
            Check.positive(where, "maxIter", maxIter);
            Check.nonNegative(where, "tol", tol);
            if (!Double.isNaN(learningRate)) Check.positive(where, "learningRate", learningRate);
            Check.positive(where, "batchSize", batchSize);
            Check.inRange(where, "threshold", threshold, 0, 1);
        }

        public static Options defaults() {
            return new Options(1e-4, 0, Solver.LBFGS, true, 1000, 1e-6, Double.NaN, 32, 42, 0.5);
        }

        public Options withL2(double l2) { return new Options(l2, l1, solver, intercept, maxIter, tol, learningRate, batchSize, seed, threshold); }

        public Options withL1(double l1) { return new Options(l2, l1, solver, intercept, maxIter, tol, learningRate, batchSize, seed, threshold); }

        public Options withSolver(Solver solver) { return new Options(l2, l1, solver, intercept, maxIter, tol, learningRate, batchSize, seed, threshold); }

        public Options withIntercept(boolean intercept) { return new Options(l2, l1, solver, intercept, maxIter, tol, learningRate, batchSize, seed, threshold); }

        public Options withMaxIter(int maxIter) { return new Options(l2, l1, solver, intercept, maxIter, tol, learningRate, batchSize, seed, threshold); }

        public Options withTol(double tol) { return new Options(l2, l1, solver, intercept, maxIter, tol, learningRate, batchSize, seed, threshold); }

        public Options withLearningRate(double learningRate) { return new Options(l2, l1, solver, intercept, maxIter, tol, learningRate, batchSize, seed, threshold); }

        public Options withBatchSize(int batchSize) { return new Options(l2, l1, solver, intercept, maxIter, tol, learningRate, batchSize, seed, threshold); }

        public Options withSeed(long seed) { return new Options(l2, l1, solver, intercept, maxIter, tol, learningRate, batchSize, seed, threshold); }

        public Options withThreshold(double threshold) { return new Options(l2, l1, solver, intercept, maxIter, tol, learningRate, batchSize, seed, threshold); }
    }

    public LogisticRegression {
        Check.notNull("LogisticRegression", "w", w).requireFinite("LogisticRegression", "w");
        Check.finite("LogisticRegression", "b", b);
        Check.notNull("LogisticRegression", "options", options);
        Check.notNull("LogisticRegression", "trace", trace);
    }

    /// A model with hand-picked weights (default options, a closed-form trace), e.g. to draw a boundary.
    public LogisticRegression(Vector w, double b) { this(w, b, Options.defaults(), Trace.closedForm()); }

    /// Fits with [Options#defaults()].
    public static LogisticRegression fit(Matrix X, Vector y) { return fit(X, y, Options.defaults()); }

    /// Fits `w, b` minimising the objective above with `options.solver()`.
    public static LogisticRegression fit(Matrix X, Vector y, Options options) {
        String where = "LogisticRegression.fit";
        Inputs.requireXy(where, X, y);
        Check.notNull(where, "options", options);
        int k = Inputs.requireLabels(where, y);
        if (k > 2) throw Check.fail(where, "y has " + k + " classes but logistic regression is binary (labels 0 "
                + "and 1); use SoftmaxRegression or OneVsRest");
        if (options.l1() > 0 && options.solver() != Solver.GD)
            throw Check.fail(where, "'l1' > 0 needs Solver.GD (proximal gradient), got Solver." + options.solver()
                    + "; L-BFGS, Newton and SGD need a smooth objective");
        var f = LogisticObjective.of(X, y, options.l2(), options.intercept());
        Vector theta0 = Vector.zeros(f.dim());                                 // θ₀ = 0: p = ½ everywhere
        Result r = switch (options.solver()) {
            case GD -> options.l1() > 0 ? proximalGradient(f, theta0, options)
                    : GradientDescent.minimize(f, theta0, GradientDescent.Options.defaults()
                            .withRule(new UpdateRule.Plain(rate(f, options)))
                            .withMaxIter(options.maxIter()).withTol(options.tol()));
            case SGD -> SGD.minimize(f, theta0, SGD.Options.defaults()
                    .withRule(new UpdateRule.Plain(rate(f, options)))
                    .withSchedule(Schedule.cosine(options.maxIter(), 0))
                    .withBatchSize(options.batchSize()).withEpochs(options.maxIter()).withSeed(options.seed()));
            case LBFGS -> LBFGS.minimize(f, theta0, LBFGS.Options.defaults()
                    .withMaxIter(options.maxIter()).withGtol(options.tol()));
            case NEWTON -> Newton.minimize(f, theta0, Newton.Options.defaults()
                    .withMaxIter(options.maxIter()).withTol(options.tol()));
        };
        int d = X.cols();
        Vector theta = r.w();
        Trace trace = options.solver() == Solver.SGD ? r.trace() : unconvergedHint(r.trace());   // SGD runs a fixed budget
        return new LogisticRegression(theta.slice(0, d), options.intercept() ? theta.get(d) : 0, options, trace);
    }

    /// η: the option, or `1/L_smooth` when it is NaN.
    private static double rate(LogisticObjective f, Options options) {
        return Double.isNaN(options.learningRate()) ? 1 / f.smoothness() : options.learningRate();
    }

    /// Proximal gradient (ISTA) for the L1 term: a gradient step on the smooth part, then soft-thresholding.
    private static Result proximalGradient(LogisticObjective f, Vector theta, Options options) {
        double eta = rate(f, options), l1 = options.l1();
        int d = options.intercept() ? f.dim() - 1 : f.dim();
        var trace = Trace.builder();
        boolean ended = false;
        try (var p = Progress.start("proximal gradient", options.maxIter())) {
            for (int k = 0; k < options.maxIter(); k++) {
                ValueAndGradient vg = f.evaluate(theta);                         // smooth part: log-loss + λ/2‖w‖²
                double L = vg.value() + l1 * theta.slice(0, d).norm1();          // + λ₁‖w‖₁
                trace.loss(L);
                double[] next = theta.minus(vg.gradient().scale(eta)).toArray(); // θ − η∇L
                for (int j = 0; j < d; j++)                                      // prox: soft-threshold w, not b
                    next[j] = Math.signum(next[j]) * Math.max(Math.abs(next[j]) - eta * l1, 0);
                Vector step = Vector.wrap(next).minus(theta);
                theta = Vector.wrap(next);
                p.step(L);
                if (step.normInf() / eta <= options.tol()) {                     // gradient mapping ‖G‖∞ ≤ tol
                    trace.converged();
                    ended = true;
                    break;
                }
                if (p.stopped()) {
                    trace.note("stopped by Ctrl-C after " + (k + 1) + " iterations");
                    ended = true;
                    break;
                }
            }
        }
        if (!ended) trace.note("stopped at maxIter = " + options.maxIter() + " before the step fell below tol = " + options.tol());
        return new Result(theta, trace.build());
    }

    /// The objective this model minimised, on data `X`, `y` (e.g. to check a gradient or compare solvers).
    public static LogisticObjective objective(Matrix X, Vector y, Options options) {
        Check.notNull("LogisticRegression.objective", "options", options);
        return LogisticObjective.of(X, y, options.l2(), options.intercept());
    }

    /// The logits `z = Xw + b`, the signed distance to the boundary times ‖w‖.
    @Override public Vector decisionFunction(Matrix X) {
        Inputs.requireX("LogisticRegression.decisionFunction", X, w.size());
        return X.times(w).plus(b);
    }

    /// `P(y = 1 | x) = σ(xw + b)` for each row.
    public Vector probability(Matrix X) {
        Inputs.requireX("LogisticRegression.probability", X, w.size());
        return X.times(w).plus(b).map(LogisticRegression::sigmoid);
    }

    /// `[1 − p, p]` per row (n×2), p = σ(xw + b).
    @Override public Matrix predictProba(Matrix X) {
        Inputs.requireX("LogisticRegression.predictProba", X, w.size());
        Vector p = X.times(w).plus(b).map(LogisticRegression::sigmoid);
        double[] P = new double[2 * p.size()];
        for (int i = 0; i < p.size(); i++) {
            P[2 * i] = 1 - p.get(i);
            P[2 * i + 1] = p.get(i);
        }
        return Matrix.wrap(p.size(), 2, P);
    }

    /// 1 where `σ(xw + b) ≥ threshold`, else 0.
    @Override public Vector predict(Matrix X) {
        Inputs.requireX("LogisticRegression.predict", X, w.size());
        double t = options.threshold();
        return X.times(w).plus(b).map(z -> sigmoid(z) >= t ? 1 : 0);
    }

    /// The same model predicting 1 when `P(y = 1 | x) ≥ threshold` (trades precision for recall).
    public LogisticRegression withThreshold(double threshold) {
        return new LogisticRegression(w, b, options.withThreshold(threshold), trace);
    }

    /// The logistic function `σ(z) = 1/(1 + e^−z)`, written so that no exp overflows: for z < 0 it is `eᶻ/(1 + eᶻ)`.
    public static double sigmoid(double z) {
        if (z >= 0) return 1 / (1 + Math.exp(-z));
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /// `log(1 + eᶻ)` as `max(z, 0) + log1p(e^−|z|)`: exact where the textbook form overflows (z > 709) or
    /// rounds to 0 (z < −37).
    public static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /// `LogisticRegression(d = 30, b = 0.1234, LBFGS, l2 = 1e-4)`, the weights and the trace below.
    @Override public String toString() {
        var sb = new StringBuilder(String.format(Locale.ROOT, "LogisticRegression(d = %d, b = %.4f, %s, l2 = %s",
                w.size(), b, options.solver(), number(options.l2())));
        if (options.l1() > 0) sb.append(", l1 = ").append(number(options.l1()));
        if (options.threshold() != 0.5) sb.append(", threshold = ").append(number(options.threshold()));
        return sb.append(")\n  w = ").append(w).append("\n  ").append(trace.toString().replace("\n", "\n  ")).toString();
    }

    /// A hyper-parameter as typed: `0.01`, `1e-4`, `2.5` (Java's shortest repr, `1.0E-4` written `1e-4`).
    static String number(double x) {
        String s = Double.toString(x);
        if (s.endsWith(".0")) s = s.substring(0, s.length() - 2);
        return s.replace(".0E", "E").replace("E", "e");
    }

    /// Not converged (and not stopped by the user): the usual cause is features on very different scales,
    /// which makes the loss surface a narrow valley; say so, as scikit-learn's ConvergenceWarning does.
    static Trace unconvergedHint(Trace trace) {
        if (trace.converged() || trace.notes().stream().anyMatch(n -> n.contains("Ctrl-C"))) return trace;
        return trace.withNote("not converged: standardise the features first (StandardScaler.fit(X).transform(X)), "
                + "or raise maxIter / loosen tol");
    }
}

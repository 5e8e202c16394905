package mlscratch.regression;

import java.util.Locale;

import mlscratch.linalg.Cholesky;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.SVD;
import mlscratch.linalg.Vector;
import mlscratch.metrics.Metrics;
import mlscratch.model.Inputs;
import mlscratch.model.Regressor;
import mlscratch.model.Trace;
import mlscratch.optim.LBFGS;
import mlscratch.optim.Objective;
import mlscratch.optim.ValueAndGradient;
import mlscratch.util.Check;

/// Ridge regression: least squares with an L2 penalty that shrinks the weights toward 0.
///
/// ## Notation
/// ```
/// X  n×d   one example per row (standardise it first: StandardScaler)     y  n   targets
/// w  d     weights        b  ℝ  intercept (never penalised)        α ≥ 0  penalty strength
/// r = y − Xw − b          Xc = X − x̄, yc = y − ȳ   the centred data
/// ```
/// ## Model
/// ```
/// ŷ = Xw + b
/// ```
/// ## Objective (scikit-learn's `Ridge(alpha)`)
/// ```
/// L(w, b) = ‖y − Xw − b‖² + α‖w‖²
/// ```
/// ## Gradient
/// ```
/// ∂L/∂w = −2Xᵀr + 2αw          ∂L/∂b = −2 Σᵢ rᵢ
/// ```
/// ## Update — closed form
/// ∂L/∂b = 0 gives `b = ȳ − x̄ᵀw`; on the centred data ∂L/∂w = 0 becomes
/// ```
/// (XcᵀXc + αI) w = Xcᵀ yc                       [Solver#CHOLESKY], SPD for every α > 0
/// w = V · diag(σⱼ / (σⱼ² + α)) · Uᵀ yc          [Solver#SVD] with Xc = UΣVᵀ: each direction shrunk by σ²/(σ² + α)
/// ```
/// [Solver#LBFGS] minimises L iteratively (see [#objective]) and agrees with both.
/// The penalty treats every weight alike, so its effect depends on the units of each column:
/// standardise the features ([mlscratch.data.StandardScaler]) before fitting. α = 0 is ordinary least squares.
///
/// ## Cost
/// Cholesky: nd² + ⅓d³; SVD: about 4nd² + 8d³; L-BFGS: O(nd) per iteration.
///
/// ## Example
/// ```
/// var data  = Datasets.diabetes();
/// var model = Ridge.fit(data.X(), data.y(), Ridge.Options.defaults().withAlpha(0.1));
/// model.w();  model.b();  model.score(data.X(), data.y());
/// ```
/// ## References
/// Tutorial `tutorials/03-regularization.jsh` derives it and draws the coefficient paths. Hoerl &
/// Kennard (1970); Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, §3.4.1.
///
/// @param w       weights, one per feature
/// @param b       intercept (0 when `options.intercept()` is false)
/// @param options the options it was fitted with
/// @param trace   the iterations of [Solver#LBFGS]; [Trace#closedForm()] otherwise
public record Ridge(Vector w, double b, Options options, Trace trace) implements Regressor {

    /// How the penalised normal equation is solved.
    public enum Solver { CHOLESKY, SVD, LBFGS }

    /// @param alpha     penalty strength α ≥ 0 (default 1.0, as scikit-learn)
    /// @param intercept fit `b` (default true) or force `b = 0`
    /// @param solver    CHOLESKY (default), SVD or LBFGS
    /// @param lbfgs     options of the LBFGS solver (default: gtol 1e-9)
    public record Options(double alpha, boolean intercept, Solver solver, LBFGS.Options lbfgs) {
        public Options {
            Check.nonNegative("Ridge.Options", "alpha", alpha);
            Check.notNull("Ridge.Options", "solver", solver);
            Check.notNull("Ridge.Options", "lbfgs", lbfgs);
        }

        public static Options defaults() {
            return new Options(1.0, true, Solver.CHOLESKY, LBFGS.Options.defaults().withGtol(1e-9));
        }

        public Options withAlpha(double alpha) { return new Options(alpha, intercept, solver, lbfgs); }

        public Options withIntercept(boolean intercept) { return new Options(alpha, intercept, solver, lbfgs); }

        public Options withSolver(Solver solver) { return new Options(alpha, intercept, solver, lbfgs); }

        public Options withLbfgs(LBFGS.Options lbfgs) { return new Options(alpha, intercept, solver, lbfgs); }
    }

    public Ridge {
        Check.notNull("Ridge", "w", w).requireFinite("Ridge", "w");
        Check.finite("Ridge", "b", b);
        Check.notNull("Ridge", "options", options);
        Check.notNull("Ridge", "trace", trace);
    }

    /// A model with hand-picked weights.
    public Ridge(Vector w, double b) { this(w, b, Options.defaults(), Trace.closedForm()); }

    /// Fits with α = 1 and the Cholesky solver.
    public static Ridge fit(Matrix X, Vector y) { return fit(X, y, Options.defaults()); }

    /// Fits with penalty `alpha` and otherwise default options.
    public static Ridge fit(Matrix X, Vector y, double alpha) { return fit(X, y, Options.defaults().withAlpha(alpha)); }

    public static Ridge fit(Matrix X, Vector y, Options options) {
        Inputs.requireXy("Ridge.fit", X, y);
        Check.notNull("Ridge.fit", "options", options);
        var c = Centred.of(X, y, options.intercept());
        double alpha = options.alpha();
        int d = X.cols();
        return switch (options.solver()) {
            case CHOLESKY -> {
                Matrix A = c.Xc().transposeTimes(c.Xc()).plus(Matrix.identity(d).scale(alpha));   // XcᵀXc + αI
                Vector w = Cholesky.of(A).solve(c.Xc().transpose().times(c.yc()));               // = Xcᵀyc
                yield new Ridge(w, c.intercept(w), options, Trace.closedForm());
            }
            case SVD -> {
                SVD svd = SVD.of(c.Xc());                                                        // Xc = UΣVᵀ
                Vector s = svd.S();
                Vector shrink = s.divide(s.hadamard(s).plus(alpha)).map(v -> Double.isFinite(v) ? v : 0);   // σ/(σ² + α); 0/0 → 0
                Vector w = svd.V().times(shrink.hadamard(svd.U().transpose().times(c.yc())));     // V diag(…) Uᵀyc
                yield new Ridge(w, c.intercept(w), options, Trace.closedForm());
            }
            case LBFGS -> {
                // minimise L on the centred data; the intercept of centred data is 0 at the optimum,
                // so θ = (w, b_c) starts at 0 and b = ȳ − x̄ᵀw + b_c
                var r = LBFGS.minimize(objective(c.Xc(), c.yc(), alpha, options.intercept()),
                        Vector.zeros(d + (options.intercept() ? 1 : 0)), options.lbfgs());
                Vector w = r.w().slice(0, d);
                double bc = options.intercept() ? r.w().get(d) : 0;
                yield new Ridge(w, c.intercept(w) + bc, options, r.trace());
            }
        };
    }

    /// The ridge objective `L(w, b) = ‖y − Xw − b‖² + α‖w‖²` as a function of θ = (w₀ … w_{d−1}, b), or
    /// of θ = w alone when `intercept` is false, for [mlscratch.optim.GradCheck] and the optimisers.
    public static Objective objective(Matrix X, Vector y, double alpha, boolean intercept) {
        String where = "Ridge.objective";
        Inputs.requireXy(where, X, y);
        Check.nonNegative(where, "alpha", alpha);
        int d = X.cols();
        return new Objective() {
            @Override public double value(Vector theta) { return evaluate(theta).value(); }

            @Override public Vector gradient(Vector theta) { return evaluate(theta).gradient(); }

            @Override public ValueAndGradient evaluate(Vector theta) {
                Vector w = theta.slice(0, d);
                double b = intercept ? theta.get(d) : 0;
                Vector r = y.minus(X.times(w)).minus(b);                        // r = y − Xw − b
                double L = r.dot(r) + alpha * w.dot(w);                         // ‖r‖² + α‖w‖²
                Vector gradW = X.transpose().times(r).scale(-2).plus(w.scale(2 * alpha));   // −2Xᵀr + 2αw
                Vector grad = intercept ? Vector.concat(gradW, Vector.of(-2 * r.sum())) : gradW;   // ∂L/∂b = −2Σr
                return new ValueAndGradient(L, grad);
            }
        };
    }

    /// `ŷ = Xw + b`.
    @Override public Vector predict(Matrix X) {
        Inputs.requireX("Ridge.predict", X, w.size());
        return X.times(w).plus(b);
    }

    /// R² of the predictions on (X, y).
    public double score(Matrix X, Vector y) { return Metrics.r2(y, predict(X)); }

    @Override public String toString() {
        return String.format(Locale.ROOT, "Ridge(d = %d, α = %s, b = %.4f, solver %s)%n  w = %s",
                w.size(), options.alpha(), b, options.solver(), w)
                + (trace.iterations() > 0 ? "\n  " + trace : "");
    }
}

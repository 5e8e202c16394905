package mlscratch.regression;

import java.util.Locale;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.metrics.Metrics;
import mlscratch.model.Inputs;
import mlscratch.model.Regressor;
import mlscratch.model.Trace;
import mlscratch.util.Check;

/// The lasso: least squares with an L1 penalty, which sets some weights to exactly 0 and so selects features.
/// Fitted by coordinate descent with soft-thresholding, the [ElasticNet] algorithm with ρ = 1.
///
/// ## Notation
/// ```
/// X  n×d   one example per row (standardise it first: StandardScaler)     y  n   targets
/// w  d     weights     b  ℝ  intercept (never penalised)     α ≥ 0  penalty strength
/// Xc, yc   centred data     xⱼ column j of Xc     r = yc − Xc w     S(z, γ) = sign(z)·max(|z| − γ, 0)
/// ```
/// ## Model
/// ```
/// ŷ = Xw + b
/// ```
/// ## Objective (scikit-learn's `Lasso(alpha)`)
/// ```
/// L(w, b) = (1/2n)‖y − Xw − b‖² + α‖w‖₁
/// ```
/// ## Gradient — a subgradient (|wⱼ| has a kink at 0)
/// ```
/// gⱼ = −(1/n) xⱼᵀr
/// optimal ⇔ gⱼ = −α·sign(wⱼ) if wⱼ ≠ 0,   |gⱼ| ≤ α if wⱼ = 0       (KKT: every feature left out
///                                                                   correlates with r by at most α)
/// ```
/// ## Update (coordinate descent)
/// ```
/// pⱼ = (1/n) xⱼᵀr + zⱼwⱼ,  zⱼ = (1/n)‖xⱼ‖²        wⱼ ← S(pⱼ, α) / zⱼ        r ← r − xⱼ Δwⱼ
/// ```
/// `α ≥ α_max = ‖Xcᵀyc‖∞ / n` gives w = 0; lowering α lets the features in one by one ([#path]).
///
/// ## Cost
/// O(nd) per sweep.
///
/// ## Example
/// ```
/// var data  = Datasets.diabetes();
/// var model = Lasso.fit(data.X(), data.y(), 0.1);
/// model.w();  model.nonZero();     // a few of the ten weights are exactly 0
/// ```
/// ## References
/// Tutorial `tutorials/03-regularization.jsh` (why L1 gives zeros: the corners of the ‖w‖₁ ball). Tibshirani,
/// "Regression shrinkage and selection via the lasso" (1996); ESL §3.4.2; Friedman et al. (2010).
///
/// @param w       weights, one per feature (exact zeros for the features left out)
/// @param b       intercept (0 when `options.intercept()` is false)
/// @param options the options it was fitted with
/// @param trace   the objective after each sweep
public record Lasso(Vector w, double b, Options options, Trace trace) implements Regressor {

    /// @param alpha     penalty strength α ≥ 0 (default 1.0, as scikit-learn)
    /// @param intercept fit `b` (default true) or force `b = 0`
    /// @param maxIter   the most sweeps, ≥ 1 (default 1000)
    /// @param tol       stop when every KKT violation is ≤ tol·‖Xcᵀyc‖∞/n, ≥ 0 (default 1e-8)
    public record Options(double alpha, boolean intercept, int maxIter, double tol) {
        public Options {
            Check.nonNegative("Lasso.Options", "alpha", alpha);
            Check.positive("Lasso.Options", "maxIter", maxIter);
            Check.nonNegative("Lasso.Options", "tol", tol);
        }

        public static Options defaults() { return new Options(1.0, true, 1000, 1e-8); }

        public Options withAlpha(double alpha) { return new Options(alpha, intercept, maxIter, tol); }

        public Options withIntercept(boolean intercept) { return new Options(alpha, intercept, maxIter, tol); }

        public Options withMaxIter(int maxIter) { return new Options(alpha, intercept, maxIter, tol); }

        public Options withTol(double tol) { return new Options(alpha, intercept, maxIter, tol); }

        /// The same problem as an [ElasticNet] with ρ = 1.
        public ElasticNet.Options asElasticNet() { return new ElasticNet.Options(alpha, 1.0, intercept, maxIter, tol); }
    }

    public Lasso {
        Check.notNull("Lasso", "w", w).requireFinite("Lasso", "w");
        Check.finite("Lasso", "b", b);
        Check.notNull("Lasso", "options", options);
        Check.notNull("Lasso", "trace", trace);
    }

    /// A model with hand-picked weights.
    public Lasso(Vector w, double b) { this(w, b, Options.defaults(), Trace.closedForm()); }

    /// Fits with α = 1.
    public static Lasso fit(Matrix X, Vector y) { return fit(X, y, Options.defaults()); }

    /// Fits with penalty `alpha`.
    public static Lasso fit(Matrix X, Vector y, double alpha) { return fit(X, y, Options.defaults().withAlpha(alpha)); }

    public static Lasso fit(Matrix X, Vector y, Options options) {
        Inputs.requireXy("Lasso.fit", X, y);
        Check.notNull("Lasso.fit", "options", options);
        var c = Centred.of(X, y, options.intercept());
        var trace = Trace.builder();
        Vector w = ElasticNet.coordinateDescent(c, options.alpha(), 1.0, Vector.zeros(X.cols()),
                options.maxIter(), options.tol(), trace);
        return new Lasso(w, c.intercept(w), options, trace.build());
    }

    /// The lasso weights along `alphas` (largest first is fastest), each fit warm-started from the previous.
    public static RegularizationPath path(Matrix X, Vector y, Vector alphas) {
        return ElasticNet.path(X, y, alphas, Options.defaults().asElasticNet());
    }

    /// `count` penalties log-spaced from α_max (all weights 0) down to α_max/1000, largest first.
    public static Vector alphaGrid(Matrix X, Vector y, int count) { return ElasticNet.alphaGrid(X, y, 1.0, count, 1e-3); }

    /// The largest KKT violation of `w` on (X, y): 0 exactly at the optimum.
    public double kktViolation(Matrix X, Vector y) {
        Inputs.requireXy("Lasso.kktViolation", X, y);
        var c = Centred.of(X, y, options.intercept());
        return ElasticNet.kktViolation(c, w, c.yc().minus(c.Xc().times(w)), options.alpha(), 1.0);
    }

    /// `ŷ = Xw + b`.
    @Override public Vector predict(Matrix X) {
        Inputs.requireX("Lasso.predict", X, w.size());
        return X.times(w).plus(b);
    }

    /// R² of the predictions on (X, y).
    public double score(Matrix X, Vector y) { return Metrics.r2(y, predict(X)); }

    /// The number of weights that are not exactly 0 (the features the lasso kept).
    public int nonZero() { return ElasticNet.nonZero(w); }

    @Override public String toString() {
        return String.format(Locale.ROOT, "Lasso(d = %d, α = %s, b = %.4f, %d of %d weights ≠ 0)%n  w = %s%n  %s",
                w.size(), options.alpha(), b, nonZero(), w.size(), w, trace);
    }
}

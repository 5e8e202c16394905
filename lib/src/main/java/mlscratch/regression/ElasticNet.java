package mlscratch.regression;

import java.util.Locale;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.metrics.Metrics;
import mlscratch.model.Inputs;
import mlscratch.model.Regressor;
import mlscratch.model.Trace;
import mlscratch.util.Check;
import mlscratch.util.Progress;

/// Elastic net: least squares with a mix of L1 (sparsity) and L2 (grouping, stability) penalties, fitted
/// by cyclic coordinate descent with soft-thresholding. [Lasso] is the case ρ = 1.
///
/// ## Notation
/// ```
/// X  n×d   one example per row (standardise it first: StandardScaler)     y  n   targets
/// w  d     weights       b  ℝ  intercept (never penalised)
/// α ≥ 0    overall strength          ρ ∈ [0, 1]  l1Ratio, the L1 share
/// Xc, yc   centred data (b = ȳ − x̄ᵀw)        xⱼ column j of Xc      r = yc − Xc w
/// S(z, γ) = sign(z)·max(|z| − γ, 0)         soft-thresholding
/// ```
/// ## Model
/// ```
/// ŷ = Xw + b
/// ```
/// ## Objective (scikit-learn's `ElasticNet(alpha, l1_ratio)`)
/// ```
/// L(w, b) = (1/2n)‖y − Xw − b‖² + αρ‖w‖₁ + ½α(1 − ρ)‖w‖²
/// ```
/// ## Gradient — a subgradient, since |wⱼ| has a kink at 0
/// ```
/// gⱼ = −(1/n) xⱼᵀr + α(1 − ρ)wⱼ          (the smooth part, see smoothObjective)
/// optimal ⇔ gⱼ = −αρ·sign(wⱼ)  if wⱼ ≠ 0      and      |gⱼ| ≤ αρ  if wⱼ = 0        (KKT)
/// ```
/// ## Update — one coordinate at a time, the others fixed
/// ```
/// zⱼ = (1/n)‖xⱼ‖²                          curvature along wⱼ
/// pⱼ = (1/n) xⱼᵀr + zⱼwⱼ                    correlation of xⱼ with the residual that leaves wⱼ out
/// wⱼ ← S(pⱼ, αρ) / (zⱼ + α(1 − ρ))          the exact minimiser of L along wⱼ
/// r  ← r − xⱼ(wⱼ,new − wⱼ,old)               keep the residual current (O(n))
/// ```
/// A weight whose correlation |pⱼ| stays below αρ is set to exactly 0: this is why L1 selects features.
/// Sweeps stop when the largest KKT violation is at most `tol · ‖Xcᵀyc‖∞/n`, the size of
/// the gradient at w = 0 (so `tol` is scale-free; `α_max = ‖Xcᵀyc‖∞/(nρ)` is the smallest α with every weight 0).
/// As for [Ridge], the penalty depends on the units of each column: standardise the features first.
///
/// ## Cost
/// O(nd) per sweep; a few to a few hundred sweeps, fewer with a warm start ([#path]).
///
/// ## Example
/// ```
/// var data  = Datasets.diabetes();
/// var model = ElasticNet.fit(data.X(), data.y(), ElasticNet.Options.defaults().withAlpha(0.01).withL1Ratio(0.5));
/// model.w();  model.trace();
/// ```
/// ## References
/// Tutorial `tutorials/03-regularization.jsh`. Zou & Hastie, "Regularization and variable selection via the
/// elastic net" (2005); Friedman, Hastie & Tibshirani, "Regularization paths for generalized linear models
/// via coordinate descent" (2010).
///
/// @param w       weights, one per feature (exact zeros where the L1 penalty removed a feature)
/// @param b       intercept (0 when `options.intercept()` is false)
/// @param options the options it was fitted with
/// @param trace   the objective after each sweep
public record ElasticNet(Vector w, double b, Options options, Trace trace) implements Regressor {

    /// @param alpha     overall penalty strength α ≥ 0 (default 1.0, as scikit-learn)
    /// @param l1Ratio   ρ ∈ [0, 1], the L1 share of the penalty (default 0.5, as scikit-learn)
    /// @param intercept fit `b` (default true) or force `b = 0`
    /// @param maxIter   the most sweeps over the coordinates, ≥ 1 (default 1000, as scikit-learn)
    /// @param tol       stop when every KKT violation is ≤ tol·‖Xcᵀyc‖∞/n, ≥ 0 (default 1e-8)
    public record Options(double alpha, double l1Ratio, boolean intercept, int maxIter, double tol) {
        public Options {
            Check.nonNegative("ElasticNet.Options", "alpha", alpha);
            Check.inRange("ElasticNet.Options", "l1Ratio", l1Ratio, 0.0, 1.0);
            Check.positive("ElasticNet.Options", "maxIter", maxIter);
            Check.nonNegative("ElasticNet.Options", "tol", tol);
        }

        public static Options defaults() { return new Options(1.0, 0.5, true, 1000, 1e-8); }

        public Options withAlpha(double alpha) { return new Options(alpha, l1Ratio, intercept, maxIter, tol); }

        public Options withL1Ratio(double l1Ratio) { return new Options(alpha, l1Ratio, intercept, maxIter, tol); }

        public Options withIntercept(boolean intercept) { return new Options(alpha, l1Ratio, intercept, maxIter, tol); }

        public Options withMaxIter(int maxIter) { return new Options(alpha, l1Ratio, intercept, maxIter, tol); }

        public Options withTol(double tol) { return new Options(alpha, l1Ratio, intercept, maxIter, tol); }
    }

    public ElasticNet {
        Check.notNull("ElasticNet", "w", w).requireFinite("ElasticNet", "w");
        Check.finite("ElasticNet", "b", b);
        Check.notNull("ElasticNet", "options", options);
        Check.notNull("ElasticNet", "trace", trace);
    }

    /// A model with hand-picked weights.
    public ElasticNet(Vector w, double b) { this(w, b, Options.defaults(), Trace.closedForm()); }

    /// Fits with α = 1, ρ = 0.5.
    public static ElasticNet fit(Matrix X, Vector y) { return fit(X, y, Options.defaults()); }

    public static ElasticNet fit(Matrix X, Vector y, Options options) {
        Inputs.requireXy("ElasticNet.fit", X, y);
        Check.notNull("ElasticNet.fit", "options", options);
        var c = Centred.of(X, y, options.intercept());
        var trace = Trace.builder();
        Vector w = coordinateDescent(c, options.alpha(), options.l1Ratio(), Vector.zeros(X.cols()),
                options.maxIter(), options.tol(), trace);
        return new ElasticNet(w, c.intercept(w), options, trace.build());
    }

    /// The weights along a grid of penalties, each fit warm-started from the previous one (sort `alphas`
    /// from large to small, as [#alphaGrid] does, so each start is close).
    public static RegularizationPath path(Matrix X, Vector y, Vector alphas, Options options) {
        String where = "ElasticNet.path";
        Inputs.requireXy(where, X, y);
        Check.notNull(where, "alphas", alphas).requireFinite(where, "alphas");
        Check.notNull(where, "options", options);
        Check.that(alphas.size() > 0, where, "alphas is empty");
        var c = Centred.of(X, y, options.intercept());
        int d = X.cols();
        double[][] W = new double[alphas.size()][];
        double[] b = new double[alphas.size()];
        Vector w = Vector.zeros(d);
        for (int k = 0; k < alphas.size(); k++) {
            Check.nonNegative(where, "alphas[" + k + "]", alphas.get(k));
            w = coordinateDescent(c, alphas.get(k), options.l1Ratio(), w, options.maxIter(), options.tol(), Trace.builder());
            W[k] = w.toArray();
            b[k] = c.intercept(w);
        }
        return new RegularizationPath(alphas, Matrix.of(W), Vector.wrap(b));
    }

    /// `count` penalties spaced evenly in log scale from α_max (every weight 0) down to `ratio · α_max`,
    /// largest first, as scikit-learn's `_alpha_grid` (its defaults: count 100, ratio 1e-3).
    public static Vector alphaGrid(Matrix X, Vector y, double l1Ratio, int count, double ratio) {
        String where = "ElasticNet.alphaGrid";
        Inputs.requireXy(where, X, y);
        Check.inRange(where, "l1Ratio", l1Ratio, Double.MIN_VALUE, 1.0);
        Check.positive(where, "count", count);
        Check.inRange(where, "ratio", ratio, Double.MIN_VALUE, 1.0);
        double max = alphaMax(Centred.of(X, y, true), l1Ratio);
        Check.that(max > 0, where, "y is constant (or X is): every α gives w = 0");
        double[] a = new double[count];
        for (int k = 0; k < count; k++)                                   // α_k = α_max · ratio^(k/(count−1))
            a[k] = max * Math.pow(ratio, count == 1 ? 0 : (double) k / (count - 1));
        return Vector.wrap(a);
    }

    /// The largest KKT violation of `w` (for [#options()]'s α and ρ) on (X, y): 0 exactly at the optimum.
    /// See the class comment for the conditions.
    public double kktViolation(Matrix X, Vector y) {
        Inputs.requireXy("ElasticNet.kktViolation", X, y);
        var c = Centred.of(X, y, options.intercept());
        return kktViolation(c, w, c.yc().minus(c.Xc().times(w)), options.alpha(), options.l1Ratio());
    }

    /// The smooth part of the objective, `(1/2n)‖y − Xw − b‖² + ½α(1 − ρ)‖w‖²` over θ = (w, b), for
    /// [mlscratch.optim.GradCheck]; the L1 term `αρ‖w‖₁` is added to `value` but not differentiated.
    public static mlscratch.optim.Objective smoothObjective(Matrix X, Vector y, double alpha, double l1Ratio) {
        String where = "ElasticNet.smoothObjective";
        Inputs.requireXy(where, X, y);
        int n = X.rows(), d = X.cols();
        return mlscratch.optim.Objective.of(theta -> {
            Vector r = y.minus(X.times(theta.slice(0, d))).minus(theta.get(d));          // r = y − Xw − b
            Vector w = theta.slice(0, d);
            return r.dot(r) / (2 * n) + 0.5 * alpha * (1 - l1Ratio) * w.dot(w);           // (1/2n)‖r‖² + ½α(1−ρ)‖w‖²
        }, theta -> {
            Vector w = theta.slice(0, d);
            Vector r = y.minus(X.times(w)).minus(theta.get(d));
            Vector gradW = X.transpose().times(r).scale(-1.0 / n).plus(w.scale(alpha * (1 - l1Ratio)));   // −Xᵀr/n + α(1−ρ)w
            return Vector.concat(gradW, Vector.of(-r.sum() / n));                          // ∂/∂b = −Σr/n
        });
    }

    /// The full objective `L(w, b)` of the class comment at (w, b).
    public static double objectiveValue(Matrix X, Vector y, Vector w, double b, double alpha, double l1Ratio) {
        Vector r = y.minus(X.times(w)).minus(b);
        return r.dot(r) / (2 * X.rows()) + alpha * l1Ratio * w.norm1() + 0.5 * alpha * (1 - l1Ratio) * w.dot(w);
    }

    /// `ŷ = Xw + b`.
    @Override public Vector predict(Matrix X) {
        Inputs.requireX("ElasticNet.predict", X, w.size());
        return X.times(w).plus(b);
    }

    /// R² of the predictions on (X, y).
    public double score(Matrix X, Vector y) { return Metrics.r2(y, predict(X)); }

    /// The number of weights that are not exactly 0.
    public int nonZero() { return nonZero(w); }

    @Override public String toString() {
        return String.format(Locale.ROOT, "ElasticNet(d = %d, α = %s, l1Ratio = %s, b = %.4f, %d of %d weights ≠ 0)%n  w = %s%n  %s",
                w.size(), options.alpha(), options.l1Ratio(), b, nonZero(), w.size(), w, trace);
    }

    // ───────────────────────────── the algorithm (shared with Lasso) ─────────────────────────────

    static int nonZero(Vector w) {
        int k = 0;
        for (int j = 0; j < w.size(); j++) if (w.get(j) != 0) k++;
        return k;
    }

    /// `α_max = ‖Xcᵀyc‖∞ / (nρ)`: at or above it every weight is 0 (∞ when ρ = 0: L2 alone never zeroes).
    static double alphaMax(Centred c, double l1Ratio) {
        return c.Xc().transpose().times(c.yc()).normInf() / (c.n() * l1Ratio);
    }

    /// Cyclic coordinate descent from `w0` on the centred data; records the objective per sweep.
    static Vector coordinateDescent(Centred c, double alpha, double l1Ratio, Vector w0, int maxIter, double tol,
                                    Trace.Builder trace) {
        int n = c.n(), d = c.d();
        double l1 = alpha * l1Ratio, l2 = alpha * (1 - l1Ratio);                 // αρ, α(1 − ρ)
        double[][] cols = new double[d][];
        double[] z = new double[d];
        for (int j = 0; j < d; j++) {
            cols[j] = c.Xc().col(j).toArray();                                    // xⱼ
            double s = 0;
            for (double v : cols[j]) s += v * v;
            z[j] = s / n;                                                        // zⱼ = (1/n)‖xⱼ‖²
        }
        double[] w = w0.toArray();
        double[] r = c.yc().minus(c.Xc().times(w0)).toArray();                   // r = yc − Xc w
        double scale = c.Xc().transpose().times(c.yc()).normInf() / n;           // ‖Xcᵀyc‖∞/n = ρ·α_max
        boolean converged = false, stopped = false;
        int sweep = 0;
        try (var p = Progress.start("coordinate descent", maxIter)) {
            for (; sweep < maxIter; sweep++) {
                for (int j = 0; j < d; j++) {
                    double[] x = cols[j];
                    double dot = 0;
                    for (int i = 0; i < n; i++) dot += x[i] * r[i];
                    double pj = dot / n + z[j] * w[j];                            // pⱼ = (1/n)xⱼᵀr + zⱼwⱼ
                    double denom = z[j] + l2;                                     // zⱼ + α(1 − ρ)
                    double wNew = denom == 0 ? 0 : softThreshold(pj, l1) / denom; // wⱼ ← S(pⱼ, αρ)/(zⱼ + α(1 − ρ))
                    double delta = wNew - w[j];
                    if (delta != 0) {
                        for (int i = 0; i < n; i++) r[i] -= x[i] * delta;         // r ← r − xⱼΔwⱼ
                        w[j] = wNew;
                    }
                }
                double rr = 0, l1norm = 0, l2norm = 0;
                for (double ri : r) rr += ri * ri;
                for (double wj : w) { l1norm += Math.abs(wj); l2norm += wj * wj; }
                double L = rr / (2 * n) + l1 * l1norm + 0.5 * l2 * l2norm;          // the objective after the sweep
                trace.loss(L);
                p.step(L);
                if (kktViolation(cols, w, r, n, l1, l2) <= tol * scale) {         // every KKT condition holds
                    converged = true;
                    sweep++;
                    break;
                }
                if (p.stopped()) {
                    stopped = true;
                    sweep++;
                    break;
                }
            }
        }
        trace.converged(converged);
        if (stopped) trace.note("stopped by Ctrl-C after " + sweep + " sweeps");
        else if (!converged) trace.note("stopped at maxIter = " + maxIter + " sweeps before the KKT conditions held to tol");
        return Vector.wrap(w);
    }

    /// `S(z, γ) = sign(z)·max(|z| − γ, 0)`: the minimiser of ½(w − z)² + γ|w|.
    static double softThreshold(double z, double gamma) {
        return z > gamma ? z - gamma : z < -gamma ? z + gamma : 0;
    }

    /// The same on the columns and arrays of the coordinate-descent loop (no copies).
    private static double kktViolation(double[][] cols, double[] w, double[] r, int n, double l1, double l2) {
        double worst = 0;
        for (int j = 0; j < w.length; j++) {
            double dot = 0;
            for (int i = 0; i < n; i++) dot += cols[j][i] * r[i];
            double gj = -dot / n + l2 * w[j];                                  // gⱼ = −(1/n)xⱼᵀr + α(1−ρ)wⱼ
            double v = w[j] != 0 ? Math.abs(gj + l1 * Math.signum(w[j])) : Math.max(0, Math.abs(gj) - l1);
            worst = Math.max(worst, v);
        }
        return worst;
    }

    /// maxⱼ of the KKT violation at w with residual r = yc − Xc w.
    static double kktViolation(Centred c, Vector w, Vector r, double alpha, double l1Ratio) {
        int n = c.n();
        double l1 = alpha * l1Ratio, l2 = alpha * (1 - l1Ratio);
        Vector g = c.Xc().transpose().times(r).scale(-1.0 / n).plus(w.scale(l2));   // gⱼ = −(1/n)xⱼᵀr + α(1−ρ)wⱼ
        double worst = 0;
        for (int j = 0; j < w.size(); j++) {
            double wj = w.get(j), gj = g.get(j);
            double v = wj != 0 ? Math.abs(gj + l1 * Math.signum(wj))           // gⱼ = −αρ·sign(wⱼ)
                               : Math.max(0, Math.abs(gj) - l1);              // |gⱼ| ≤ αρ
            worst = Math.max(worst, v);
        }
        return worst;
    }
}

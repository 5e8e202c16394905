package mlscratch.regression;

import java.util.Locale;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.metrics.Metrics;
import mlscratch.model.Inputs;
import mlscratch.model.Regressor;
import mlscratch.model.Trace;
import mlscratch.optim.LBFGS;
import mlscratch.optim.Objective;
import mlscratch.optim.ValueAndGradient;
import mlscratch.util.Check;

/// Huber regression: a line fitted with a loss that is squared for small residuals and linear for large
/// ones, so a few outliers pull on it with bounded force instead of the square of their distance.
/// The scale σ of the residuals is estimated jointly, which makes ε a number of σ's (scale-free).
///
/// ## Notation
/// ```
/// X  n×d   one example per row (standardise it first)    y  n  targets
/// w, b     weights and intercept (b never penalised)     σ > 0   scale of the residuals
/// r = y − Xw − b         ε ≥ 1  where the loss turns linear (default 1.35: 95 % efficiency on Gaussian noise)
/// H(z) = z²              if |z| ≤ ε
///        2ε|z| − ε²      otherwise                       (continuous, with continuous slope, at |z| = ε)
/// ```
/// ## Model
/// ```
/// ŷ = Xw + b
/// ```
/// ## Objective (scikit-learn's `HuberRegressor(epsilon, alpha)`; Owen's concomitant scale, jointly convex)
/// ```
/// L(w, b, σ) = Σᵢ [ σ + σ·H(rᵢ/σ) ] + α‖w‖²
///            = Σ_inliers (σ + rᵢ²/σ) + Σ_outliers (σ + 2ε|rᵢ| − ε²σ) + α‖w‖²        inlier ⇔ |rᵢ| ≤ εσ
/// ```
/// ## Gradient
/// ```
/// ψᵢ = 2rᵢ/σ (inlier) or 2ε·sign(rᵢ) (outlier)                 the bounded "influence" of example i
/// ∂L/∂w = −Xᵀψ + 2αw      ∂L/∂b = −Σᵢ ψᵢ      ∂L/∂σ = Σ_inliers (1 − rᵢ²/σ²) + Σ_outliers (1 − ε²)
/// ```
/// ## Update
/// L-BFGS on standardised, centred columns (w = v ⊘ sd, b = c − x̄ᵀw: a change of variables, the
/// penalty stays on w) and s = log σ, which keeps σ positive without a bound (∂L/∂s = σ·∂L/∂σ).
///
/// ## Cost
/// O(nd) per L-BFGS iteration, tens to hundreds of iterations.
///
/// ## Example
/// ```
/// var model = HuberRegression.fit(X, y);                  // ε = 1.35, α = 1e-4
/// model.w();  model.sigma();  model.outliers(X, y);      // 1 where |r| > εσ
/// ```
/// ## References
/// Tutorial `tutorials/04-huber-regression.jsh`. Huber, "Robust estimation of a location parameter" (1964);
/// Owen, "A robust hybrid of lasso and ridge regression" (2007), the joint scale; scikit-learn's HuberRegressor.
///
/// @param w       weights, one per feature
/// @param b       intercept (0 when `options.intercept()` is false)
/// @param sigma   the fitted scale σ of the residuals
/// @param options the options it was fitted with
/// @param trace   the L-BFGS iterations
public record HuberRegression(Vector w, double b, double sigma, Options options, Trace trace) implements Regressor {

    /// @param epsilon   ε ≥ 1: residuals beyond εσ count linearly (default 1.35, as scikit-learn)
    /// @param alpha     L2 penalty α ≥ 0 on w (default 1e-4, as scikit-learn)
    /// @param intercept fit `b` (default true) or force `b = 0`
    /// @param lbfgs     the optimiser's options (default: 1000 iterations, gtol 1e-8)
    public record Options(double epsilon, double alpha, boolean intercept, LBFGS.Options lbfgs) {
        public Options {
            Check.finite("HuberRegression.Options", "epsilon", epsilon);
            Check.that(epsilon >= 1, "HuberRegression.Options", "'epsilon' must be >= 1, got %s", epsilon);
            Check.nonNegative("HuberRegression.Options", "alpha", alpha);
            Check.notNull("HuberRegression.Options", "lbfgs", lbfgs);
        }

        public static Options defaults() {
            return new Options(1.35, 1e-4, true, LBFGS.Options.defaults().withGtol(1e-8));
        }

        public Options withEpsilon(double epsilon) { return new Options(epsilon, alpha, intercept, lbfgs); }

        public Options withAlpha(double alpha) { return new Options(epsilon, alpha, intercept, lbfgs); }

        public Options withIntercept(boolean intercept) { return new Options(epsilon, alpha, intercept, lbfgs); }

        public Options withLbfgs(LBFGS.Options lbfgs) { return new Options(epsilon, alpha, intercept, lbfgs); }
    }

    public HuberRegression {
        Check.notNull("HuberRegression", "w", w).requireFinite("HuberRegression", "w");
        Check.finite("HuberRegression", "b", b);
        Check.positive("HuberRegression", "sigma", sigma);
        Check.notNull("HuberRegression", "options", options);
        Check.notNull("HuberRegression", "trace", trace);
    }

    /// A model with hand-picked weights (σ = 1).
    public HuberRegression(Vector w, double b) { this(w, b, 1.0, Options.defaults(), Trace.closedForm()); }

    /// Fits with ε = 1.35, α = 1e-4.
    public static HuberRegression fit(Matrix X, Vector y) { return fit(X, y, Options.defaults()); }

    /// Fits with threshold `epsilon` and otherwise default options.
    public static HuberRegression fit(Matrix X, Vector y, double epsilon) {
        return fit(X, y, Options.defaults().withEpsilon(epsilon));
    }

    public static HuberRegression fit(Matrix X, Vector y, Options options) {
        Inputs.requireXy("HuberRegression.fit", X, y);
        Check.notNull("HuberRegression.fit", "options", options);
        int d = X.cols();
        boolean icpt = options.intercept();
        Objective L = objective(X, y, options.epsilon(), options.alpha(), icpt);
        int p = d + (icpt ? 1 : 0);                                  // index of σ in θ
        // The optimiser works on φ = (v, c, s), a preconditioned copy of θ = (w, b, σ):
        //     w = v ⊘ sd      b = c − x̄ᵀw      σ = eˢ
        // (sd the column standard deviations, 1 for a constant column): the same problem on standardised,
        // centred columns, which L-BFGS solves in far fewer iterations; eˢ keeps σ > 0 without a bound.
        Vector sd = X.std(0).map(v -> v > 0 ? v : 1);
        Vector xMean = icpt ? X.mean(0) : Vector.zeros(d);
        Objective preconditioned = new Objective() {
            @Override public double value(Vector phi) { return evaluate(phi).value(); }

            @Override public Vector gradient(Vector phi) { return evaluate(phi).gradient(); }

            @Override public ValueAndGradient evaluate(Vector phi) {
                Vector w = phi.slice(0, d).divide(sd);                                   // w = v ⊘ sd
                double sigma = Math.exp(phi.get(p));                                     // σ = eˢ
                if (!(sigma > 0) || !Double.isFinite(sigma))
                    return new ValueAndGradient(Double.POSITIVE_INFINITY, Vector.zeros(phi.size()));
                Vector theta = icpt ? Vector.concat(w, Vector.of(phi.get(d) - xMean.dot(w), sigma))   // b = c − x̄ᵀw
                                    : Vector.concat(w, Vector.of(sigma));
                var vg = L.evaluate(theta);
                Vector g = vg.gradient();
                double gb = icpt ? g.get(d) : 0;
                Vector gv = g.slice(0, d).minus(xMean.scale(gb)).divide(sd);             // ∂L/∂v = (∂L/∂w − x̄·∂L/∂b) ⊘ sd
                Vector gPhi = icpt ? Vector.concat(gv, Vector.of(gb, sigma * g.get(p)))  // ∂L/∂c = ∂L/∂b, ∂L/∂s = σ ∂L/∂σ
                                   : Vector.concat(gv, Vector.of(sigma * g.get(p)));
                return new ValueAndGradient(vg.value(), gPhi);
            }
        };
        // start: w = 0, b = median(y) (robust), σ = the spread of y (1 if y is constant)
        double b0 = icpt ? median(y) : 0;
        double s0 = y.std() > 0 ? Math.log(y.std()) : 0;
        Vector phi0 = Vector.concat(Vector.zeros(d), icpt ? Vector.of(b0, s0) : Vector.of(s0));
        var r = LBFGS.minimize(preconditioned, phi0, options.lbfgs());
        Vector w = r.w().slice(0, d).divide(sd);
        double b = icpt ? r.w().get(d) - xMean.dot(w) : 0;
        double sigma = Math.exp(r.w().get(p));
        Trace trace = r.trace();
        if (!(sigma > Double.MIN_NORMAL)) {
            sigma = Double.MIN_NORMAL;
            trace = trace.withNote("σ collapsed to 0: the data are fitted exactly (fewer examples than parameters?)");
        }
        return new HuberRegression(w, b, sigma, options, trace);
    }

    /// scikit-learn's Huber objective `L(w, b, σ)` of the class comment as a function of θ = (w, b, σ)
    /// (θ = (w, σ) without intercept), for [mlscratch.optim.GradCheck]. Its value is +∞ for σ ≤ 0.
    public static Objective objective(Matrix X, Vector y, double epsilon, double alpha, boolean intercept) {
        String where = "HuberRegression.objective";
        Inputs.requireXy(where, X, y);
        Check.positive(where, "epsilon", epsilon);
        Check.nonNegative(where, "alpha", alpha);
        int n = X.rows(), d = X.cols();
        return new Objective() {
            @Override public double value(Vector theta) { return evaluate(theta).value(); }

            @Override public Vector gradient(Vector theta) { return evaluate(theta).gradient(); }

            @Override public ValueAndGradient evaluate(Vector theta) {
                Vector w = theta.slice(0, d);
                double b = intercept ? theta.get(d) : 0;
                double sigma = theta.get(theta.size() - 1);
                if (!(sigma > 0)) return new ValueAndGradient(Double.POSITIVE_INFINITY, Vector.zeros(theta.size()));
                Vector r = y.minus(X.times(w)).minus(b);                       // r = y − Xw − b
                double[] psi = new double[n];
                double L = alpha * w.dot(w), dSigma = 0;                       // α‖w‖²
                for (int i = 0; i < n; i++) {
                    double ri = r.get(i);
                    if (Math.abs(ri) <= epsilon * sigma) {                     // inlier
                        L += sigma + ri * ri / sigma;                          // σ + r²/σ
                        psi[i] = 2 * ri / sigma;                               // ψ = 2r/σ
                        dSigma += 1 - ri * ri / (sigma * sigma);               // 1 − r²/σ²
                    } else {                                                   // outlier
                        L += sigma + 2 * epsilon * Math.abs(ri) - epsilon * epsilon * sigma;   // σ + 2ε|r| − ε²σ
                        psi[i] = 2 * epsilon * Math.signum(ri);                // ψ = 2ε·sign(r)
                        dSigma += 1 - epsilon * epsilon;                       // 1 − ε²
                    }
                }
                Vector psiV = Vector.wrap(psi);
                Vector gradW = X.transpose().times(psiV).scale(-1).plus(w.scale(2 * alpha));   // −Xᵀψ + 2αw
                Vector grad = intercept ? Vector.concat(gradW, Vector.of(-psiV.sum(), dSigma))  // ∂L/∂b = −Σψ
                                        : Vector.concat(gradW, Vector.of(dSigma));
                return new ValueAndGradient(L, grad);
            }
        };
    }

    /// `H(z)`: `z²` for |z| ≤ ε, `2ε|z| − ε²` beyond (scikit-learn's form; the textbook Huber loss is H/2).
    public static double loss(double z, double epsilon) {
        double a = Math.abs(z);
        return a <= epsilon ? z * z : 2 * epsilon * a - epsilon * epsilon;
    }

    /// `ŷ = Xw + b`.
    @Override public Vector predict(Matrix X) {
        Inputs.requireX("HuberRegression.predict", X, w.size());
        return X.times(w).plus(b);
    }

    /// 1 for each example whose residual exceeds εσ (it is treated as an outlier), 0 otherwise.
    public Vector outliers(Matrix X, Vector y) {
        Inputs.requireXy("HuberRegression.outliers", X, y);
        Vector r = y.minus(predict(X));
        return r.map(v -> Math.abs(v) > options.epsilon() * sigma ? 1 : 0);
    }

    /// R² of the predictions on (X, y).
    public double score(Matrix X, Vector y) { return Metrics.r2(y, predict(X)); }

    @Override public String toString() {
        return String.format(Locale.ROOT, "HuberRegression(d = %d, ε = %s, α = %s, b = %.4f, σ = %.4f)%n  w = %s%n  %s",
                w.size(), options.epsilon(), options.alpha(), b, sigma, w, trace);
    }

    private static double median(Vector y) {
        double[] s = y.toArray();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}

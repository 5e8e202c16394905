package mlscratch.optim;

import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// A step length along a descent direction satisfying the strong Wolfe conditions, as [LBFGS] uses
/// (Nocedal & Wright, Algorithms 3.5 and 3.6 — bracketing, then zoom with cubic interpolation).
///
/// Notation: `φ(α) = L(w + αd)` along the direction d, `φ'(α) = ∇L(w + αd)ᵀd`, `φ'(0) < 0`, 0 < c₁ < c₂ < 1.
/// ```
/// sufficient decrease (Armijo)   φ(α) ≤ φ(0) + c₁ α φ'(0)
/// curvature (strong)             |φ'(α)| ≤ c₂ |φ'(0)|
/// ```
/// The first keeps steps from being too long, the second from being too short; together they give
/// `yᵀs > 0` for `s = αd`, `y = ∇L(w + s) − ∇L(w)`, which keeps the (L-)BFGS matrix positive definite.
/// Bracketing doubles α until φ rises or stops decreasing enough or its slope turns positive; the bracket
/// then holds a Wolfe point, and zoom shrinks it with the minimiser of the cubic through the end points'
/// values and slopes (bisection when that lands within 10 % of an end).
/// Defaults: c₁ = 1e-4, c₂ = 0.9 (for quasi-Newton directions; 0.1 for nonlinear conjugate gradient).
public final class LineSearch {
    private LineSearch() {}

    /// The outcome.
    ///
    /// @param alpha       the step length α
    /// @param w           w + αd
    /// @param value       φ(α) = L(w + αd)
    /// @param gradient    ∇L(w + αd)
    /// @param evaluations how many times the objective was evaluated
    /// @param satisfied   true when both strong Wolfe conditions hold; false when the search gave up (then the
    ///                    step is the best sufficient-decrease point found, or α = 0)
    public record Step(double alpha, Vector w, double value, Vector gradient, int evaluations, boolean satisfied) {}

    /// Strong Wolfe search with c₁ = 1e-4, c₂ = 0.9, trying `alpha0` first.
    public static Step strongWolfe(Objective f, Vector w, ValueAndGradient at, Vector d, double alpha0) {
        return strongWolfe(f, w, at, d, alpha0, 1e-4, 0.9, 40);
    }

    /// Strong Wolfe search from `w` (where `at` holds L and ∇L) along the descent direction `d`.
    public static Step strongWolfe(Objective f, Vector w, ValueAndGradient at, Vector d, double alpha0,
                                   double c1, double c2, int maxEvaluations) {
        String where = "LineSearch.strongWolfe";
        Check.notNull(where, "f", f);
        Check.notNull(where, "w", w);
        Check.notNull(where, "at", at);
        Check.notNull(where, "d", d);
        Check.positive(where, "alpha0", alpha0);
        if (!(c1 > 0 && c1 < c2 && c2 < 1)) throw Check.fail(where, "needs 0 < c1 < c2 < 1, got c1 = " + c1 + ", c2 = " + c2);
        Check.positive(where, "maxEvaluations", maxEvaluations);
        double phi0 = at.value(), dphi0 = at.gradient().dot(d);                  // φ(0), φ'(0)
        if (!(dphi0 < 0)) throw Check.fail(where, "d is not a descent direction: ∇Lᵀd = " + dphi0 + " (must be < 0)");
        var s = new Search(f, w, d, phi0, dphi0, at.gradient(), c1, c2, maxEvaluations);
        return s.run(alpha0);
    }

    /// One search (mutable state of Algorithms 3.5/3.6).
    private static final class Search {
        final Objective f;
        final Vector w, d;
        final double phi0, dphi0, c1, c2;
        final Vector g0;
        final int maxEvaluations;
        int evaluations;
        Point best;       // best sufficient-decrease point seen, for a failed search

        Search(Objective f, Vector w, Vector d, double phi0, double dphi0, Vector g0, double c1, double c2,
               int maxEvaluations) {
            this.f = f;
            this.g0 = g0;
            this.w = w;
            this.d = d;
            this.phi0 = phi0;
            this.dphi0 = dphi0;
            this.c1 = c1;
            this.c2 = c2;
            this.maxEvaluations = maxEvaluations;
        }

        record Point(double alpha, Vector w, double phi, double dphi, Vector g) {}

        Point eval(double alpha) {
            evaluations++;
            Vector wa = w.plus(d.scale(alpha));                                     // w + αd
            var vg = f.evaluate(wa);
            var p = new Point(alpha, wa, vg.value(), vg.gradient().dot(d), vg.gradient());
            if (armijo(p) && (best == null || p.phi < best.phi)) best = p;
            return p;
        }

        boolean armijo(Point p) { return p.phi <= phi0 + c1 * p.alpha * dphi0; }     // φ(α) ≤ φ(0) + c₁αφ'(0)

        boolean curvature(Point p) { return Math.abs(p.dphi) <= -c2 * dphi0; }      // |φ'(α)| ≤ c₂|φ'(0)|

        Step done(Point p) { return new Step(p.alpha, p.w, p.phi, p.g, evaluations, true); }

        Step failed() {
            if (best != null) return new Step(best.alpha, best.w, best.phi, best.g, evaluations, false);
            return new Step(0, w, phi0, g0, evaluations, false);
        }

        /// Algorithm 3.5: bracket.
        Step run(double alpha0) {
            Point prev = new Point(0, w, phi0, dphi0, g0);
            double alpha = alpha0;
            for (int i = 1; evaluations < maxEvaluations; i++) {
                Point p = eval(alpha);
                if (!Double.isFinite(p.phi) || !armijo(p) || (i > 1 && p.phi >= prev.phi))
                    return zoom(prev, p);                                          // a Wolfe point lies in (prev, α)
                if (curvature(p)) return done(p);
                if (p.dphi >= 0) return zoom(p, prev);                             // slope turned: (α, prev)
                prev = p;
                alpha = 2 * alpha;                                                 // expand
                if (alpha > 1e10) break;
            }
            return failed();
        }

        /// Algorithm 3.6: zoom in on [lo, hi] (unordered), lo the end with the lower φ satisfying Armijo.
        Step zoom(Point lo, Point hi) {
            while (evaluations < maxEvaluations) {
                double a = Math.min(lo.alpha, hi.alpha), b = Math.max(lo.alpha, hi.alpha);
                if (b - a <= 1e-12 * Math.max(1, b)) break;
                double alpha = Double.isFinite(hi.phi) ? cubicMin(lo, hi) : Double.NaN;
                if (!(alpha >= a + 0.1 * (b - a) && alpha <= b - 0.1 * (b - a))) alpha = 0.5 * (a + b);   // safeguard
                Point p = eval(alpha);
                if (!Double.isFinite(p.phi) || !armijo(p) || p.phi >= lo.phi) {
                    hi = p;
                } else {
                    if (curvature(p)) return done(p);
                    if (p.dphi * (hi.alpha - lo.alpha) >= 0) hi = lo;
                    lo = p;
                }
            }
            return failed();
        }

        /// The minimiser of the cubic through (a, φa, φ'a) and (b, φb, φ'b) (N&W eq. 3.59); NaN when it has none.
        static double cubicMin(Point p, Point q) {
            double d1 = p.dphi + q.dphi - 3 * (p.phi - q.phi) / (p.alpha - q.alpha);
            double disc = d1 * d1 - p.dphi * q.dphi;
            if (disc < 0) return Double.NaN;
            double d2 = Math.signum(q.alpha - p.alpha) * Math.sqrt(disc);
            return q.alpha - (q.alpha - p.alpha) * (q.dphi + d2 - d1) / (q.dphi - p.dphi + 2 * d2);
        }
    }
}

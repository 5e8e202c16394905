package mlscratch.optim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import mlscratch.linalg.Vector;
import mlscratch.model.Trace;
import mlscratch.util.Check;
import mlscratch.util.Progress;

/// Limited-memory BFGS: a quasi-Newton method that builds an approximation of the inverse Hessian from the
/// last `m` steps and gradient changes, never forming a `d×d` matrix. The default solver of scikit-learn's
/// LogisticRegression.
///
/// Notation: `gₖ = ∇L(wₖ)`, `sᵢ = wᵢ₊₁ − wᵢ`, `yᵢ = gᵢ₊₁ − gᵢ`, `ρᵢ = 1/(yᵢᵀsᵢ)`, `Hₖ ≈ (∇²L)⁻¹`.
/// Update (Nocedal & Wright, Algorithm 7.4, the two-loop recursion computing `r = Hₖgₖ`):
/// ```
/// q = gₖ
/// for i = k−1 down to k−m:   αᵢ = ρᵢ sᵢᵀq;   q ← q − αᵢ yᵢ
/// r = γₖ q,   γₖ = sₖ₋₁ᵀyₖ₋₁ / yₖ₋₁ᵀyₖ₋₁                     the scaling of H⁰ₖ = γₖI
/// for i = k−m up to k−1:     β = ρᵢ yᵢᵀr;    r ← r + sᵢ(αᵢ − β)
/// dₖ = −r;   wₖ₊₁ = wₖ + αₖdₖ,   αₖ from a strong Wolfe [LineSearch] (tried first: α = 1)
/// ```
/// Stops when `‖gₖ‖∞ ≤ gtol · max(1, |L(wₖ)|)` (relative for large losses), at `maxIter` (note), or when
/// the line search fails (note; usually the minimum is reached to rounding level).
/// Cost: one `evaluate` per line-search trial (≈ 1 on most iterations) plus 4md flops for the two loops.
/// ```
/// var r = LBFGS.minimize(Objectives.rosenbrock(), Vector.of(-1.2, 1));
/// r.w();   // Vector(2) [1.0000, 1.0000]
/// ```
/// References: Nocedal & Wright, *Numerical Optimization* (2nd ed.), §7.2 and §3.5; Liu & Nocedal (1989).
public final class LBFGS {
    private LBFGS() {}

    /// @param memory  pairs (s, y) kept, ≥ 1 (default 10)
    /// @param maxIter the most iterations, ≥ 1 (default 1000)
    /// @param gtol    stop when ‖∇L‖∞ ≤ gtol·max(1, |L|), ≥ 0 (default 1e-6)
    public record Options(int memory, int maxIter, double gtol) {
        public Options {
            Check.positive("LBFGS.Options", "memory", memory);
            Check.positive("LBFGS.Options", "maxIter", maxIter);
            Check.nonNegative("LBFGS.Options", "gtol", gtol);
        }

        public static Options defaults() { return new Options(10, 1000, 1e-6); }

        public Options withMemory(int memory) { return new Options(memory, maxIter, gtol); }

        public Options withMaxIter(int maxIter) { return new Options(memory, maxIter, gtol); }

        public Options withGtol(double gtol) { return new Options(memory, maxIter, gtol); }
    }

    /// Minimises `f` from `w0` with the default [Options].
    public static Result minimize(Objective f, Vector w0) { return minimize(f, w0, Options.defaults()); }

    /// Minimises `f` from `w0`.
    public static Result minimize(Objective f, Vector w0, Options options) {
        String where = "LBFGS.minimize";
        Check.notNull(where, "f", f);
        Check.notNull(where, "w0", w0).requireFinite(where, "w0");
        Check.notNull(where, "options", options);
        var trace = Trace.builder();
        Deque<Vector[]> pairs = new ArrayDeque<>();        // (sᵢ, yᵢ), oldest first
        Vector w = w0;
        ValueAndGradient at = f.evaluate(w);
        if (!Double.isFinite(at.value())) throw Check.fail(where, "L(w0) is " + at.value());
        trace.loss(at.value());
        int k = 0;
        try (var p = Progress.start("L-BFGS", options.maxIter())) {
            while (true) {
                Vector g = at.gradient();
                if (g.normInf() <= options.gtol() * Math.max(1, Math.abs(at.value()))) {   // ‖g‖∞ ≤ gtol·max(1, |L|)
                    trace.converged();
                    break;
                }
                if (k == options.maxIter()) {
                    trace.note("stopped at maxIter = " + options.maxIter() + " with ‖∇L‖∞ = " + sci(g.normInf()));
                    break;
                }
                Vector d = direction(g, pairs).negate();                      // dₖ = −Hₖgₖ
                if (!(g.dot(d) < 0)) {                                        // not a descent direction (rounding): restart
                    pairs.clear();
                    d = g.negate();
                }
                double alpha0 = pairs.isEmpty() ? Math.min(1, 1 / g.norm()) : 1;   // first step: unit length
                var step = LineSearch.strongWolfe(f, w, at, d, alpha0);
                if (step.alpha() == 0) {
                    trace.note("line search failed at iteration " + (k + 1) + " (no decrease along d; ‖∇L‖∞ = "
                            + sci(g.normInf()) + ")");
                    break;
                }
                Vector s = step.w().minus(w);                                 // sₖ = wₖ₊₁ − wₖ
                Vector y = step.gradient().minus(g);                          // yₖ = gₖ₊₁ − gₖ
                if (s.dot(y) > 1e-10 * s.norm() * y.norm()) {                 // keep only pairs with yᵀs > 0
                    pairs.addLast(new Vector[] {s, y});
                    if (pairs.size() > options.memory()) pairs.removeFirst();
                }
                w = step.w();
                at = new ValueAndGradient(step.value(), step.gradient());
                k++;
                trace.loss(at.value());
                p.step(at.value());
                if (!step.satisfied()) {
                    trace.note("line search failed at iteration " + k + " (took the best decrease found; ‖∇L‖∞ = "
                            + sci(at.gradient().normInf()) + ")");
                    break;
                }
                if (p.stopped()) {
                    trace.note("stopped by Ctrl-C after " + k + " iterations");
                    break;
                }
            }
        }
        return new Result(w, trace.iterations(k).build());
    }

    /// The two-loop recursion: `Hₖg` for the implicit inverse-Hessian approximation of the stored pairs.
    static Vector direction(Vector g, Deque<Vector[]> pairs) {
        int m = pairs.size();
        if (m == 0) return g;                                                 // H⁰ = I on the first step
        Vector[][] P = pairs.toArray(new Vector[0][]);
        double[] alpha = new double[m], rho = new double[m];
        Vector q = g;
        for (int i = m - 1; i >= 0; i--) {
            rho[i] = 1 / P[i][1].dot(P[i][0]);                                // ρᵢ = 1/(yᵢᵀsᵢ)
            alpha[i] = rho[i] * P[i][0].dot(q);                               // αᵢ = ρᵢ sᵢᵀq
            q = q.minus(P[i][1].scale(alpha[i]));                             // q ← q − αᵢyᵢ
        }
        Vector sLast = P[m - 1][0], yLast = P[m - 1][1];
        Vector r = q.scale(sLast.dot(yLast) / yLast.dot(yLast));              // r = γq
        for (int i = 0; i < m; i++) {
            double beta = rho[i] * P[i][1].dot(r);                            // β = ρᵢ yᵢᵀr
            r = r.plus(P[i][0].scale(alpha[i] - beta));                       // r ← r + sᵢ(αᵢ − β)
        }
        return r;
    }

    static String sci(double x) { return String.format(Locale.ROOT, "%.2e", x); }
}

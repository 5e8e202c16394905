package mlscratch.optim;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.model.Trace;
import mlscratch.util.Check;
import mlscratch.util.Progress;

/// Newton's method with a backtracking line search, which minimises the local quadratic model
/// `L(w + d) ≈ L(w) + gᵀd + ½dᵀHd` exactly and then steps along d.
///
/// Notation: `g = ∇L(w)`, `H = ∇²L(w)` (must be positive definite), `c = 1e-4`.
/// ```
/// H d = −g                          solved by Cholesky, H = LLᵀ (⅓d³ flops)
/// α = 1, ½, ¼, … until  L(w + αd) ≤ L(w) + c α gᵀd        (Armijo backtracking)
/// w ← w + α d
/// ```
/// Near the minimum α = 1 is accepted and convergence is quadratic (the error squares each step); on a
/// quadratic `½wᵀAw − bᵀw` the first step lands exactly on `w* = A⁻¹b`. For logistic regression
/// `H = XᵀSX/n`, `S = diag(pᵢ(1 − pᵢ))`, and this is IRLS. A Hessian that is not positive definite throws
/// [mlscratch.linalg.NotPositiveDefiniteException] (add a ridge λI to the objective).
/// Stops when `‖g‖∞ ≤ tol`, at `maxIter` (note), or when backtracking finds no decrease (note).
/// Cost per iteration: one `evaluate`, one `hessian`, ⅓d³ for the factorisation, a few `value`s.
/// References: Nocedal & Wright, *Numerical Optimization*, §3.1 and §3.3; Boyd & Vandenberghe, §9.5.
public final class Newton {
    private Newton() {}

    /// @param maxIter the most iterations, ≥ 1 (default 100)
    /// @param tol     stop when ‖∇L‖∞ ≤ tol, ≥ 0 (default 1e-8)
    public record Options(int maxIter, double tol) {
        public Options {
            Check.positive("Newton.Options", "maxIter", maxIter);
            Check.nonNegative("Newton.Options", "tol", tol);
        }

        public static Options defaults() { return new Options(100, 1e-8); }

        public Options withMaxIter(int maxIter) { return new Options(maxIter, tol); }

        public Options withTol(double tol) { return new Options(maxIter, tol); }
    }

    /// Minimises `f` from `w0` with the default [Options].
    public static Result minimize(TwiceDifferentiable f, Vector w0) { return minimize(f, w0, Options.defaults()); }

    /// Minimises `f` from `w0`.
    public static Result minimize(TwiceDifferentiable f, Vector w0, Options options) {
        String where = "Newton.minimize";
        Check.notNull(where, "f", f);
        Check.notNull(where, "w0", w0).requireFinite(where, "w0");
        Check.notNull(where, "options", options);
        final double c = 1e-4;
        var trace = Trace.builder();
        Vector w = w0;
        ValueAndGradient at = f.evaluate(w);
        trace.loss(at.value());
        int k = 0;
        try (var p = Progress.start("Newton", options.maxIter())) {
            while (true) {
                Vector g = at.gradient();
                if (g.normInf() <= options.tol()) {                                   // ‖g‖∞ ≤ tol
                    trace.converged();
                    break;
                }
                if (k == options.maxIter()) {
                    trace.note("stopped at maxIter = " + options.maxIter() + " with ‖∇L‖∞ = " + LBFGS.sci(g.normInf()));
                    break;
                }
                Matrix H = f.hessian(w);                                              // H = ∇²L(w)
                Vector d = H.cholesky().solve(g.negate());                            // H d = −g
                double slope = g.dot(d);                                              // gᵀd < 0 for SPD H
                double alpha = 1;
                Vector next = w.plus(d);
                double Lnext = f.value(next);
                int halvings = 0;
                while (!(Lnext <= at.value() + c * alpha * slope) && halvings < 60) { // Armijo
                    alpha *= 0.5;
                    halvings++;
                    next = w.plus(d.scale(alpha));                                    // w + αd
                    Lnext = f.value(next);
                }
                if (halvings == 60) {
                    trace.note("backtracking found no decrease at iteration " + (k + 1) + " (‖∇L‖∞ = "
                            + LBFGS.sci(g.normInf()) + ")");
                    break;
                }
                w = next;
                at = f.evaluate(w);
                k++;
                trace.loss(at.value());
                p.step(at.value());
                if (p.stopped()) {
                    trace.note("stopped by Ctrl-C after " + k + " iterations");
                    break;
                }
            }
        }
        return new Result(w, trace.iterations(k).build());
    }
}

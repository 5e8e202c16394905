package mlscratch.optim;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// Checks a hand-derived gradient against central finite differences — the test every loss, objective and
/// layer in mlscratch passes, and the first thing to run when a model will not learn.
///
/// Notation: `f : ℝᵈ → ℝ`, `x` the point, `a = ∇f(x)` the analytic gradient to check, `eᵢ` the i-th unit
/// vector, `h` the step.
/// ```
/// nᵢ = (f(x + h·eᵢ) − f(x − h·eᵢ)) / (2h)          central difference, error O(h²)
/// errᵢ = |aᵢ − nᵢ| / max(|aᵢ| + |nᵢ|, 1)            relative for large entries, absolute below 1
/// passed ⇔ maxᵢ errᵢ ≤ tolerance                     (defaults: h = 1e-5, tolerance = 1e-6)
/// ```
/// Why the floor of 1 in the denominator: a gradient entry that is exactly 0 has a numeric estimate of
/// rounding noise, about `ε·|f(x)|/h ≈ 1e-11·|f(x)|`, and a pure ratio `|a − n| / (|a| + |n|)` would call
/// that noise a 100 % error. With the floor, entries below 1 are compared absolutely (as
/// `Vector.isClose` does). The price: a wrong entry smaller than the tolerance (≈ 1e-6) goes unnoticed.
/// Why h = 1e-5: the truncation error shrinks like h² (≈ 1e-10 here) while rounding noise grows like
/// ε/h (≈ 1e-11); 1e-5 keeps both well under the tolerance for f and its derivatives of order 1.
///
/// ```
/// ToDoubleFunction<Vector> f = x -> 0.5 * x.dot(A.times(x));   // f(x) = ½ xᵀAx
/// var r = GradCheck.check(f, x, A.times(x));                   // ∇f = Ax for symmetric A
/// r         // gradient check passed: max relative error 3.2e-11 at index 4 (5 entries)
/// ```
/// Cost: 2d evaluations of `f`. `f` must be deterministic (no dropout, no fresh random draws) and must not
/// be at a kink (ReLU at 0, |x| at 0), where the two one-sided slopes differ.
/// Reference: CS231n notes, "Gradient checks" (cs231n.github.io/neural-networks-3); tutorial 03.
public final class GradCheck {
    private GradCheck() {}

    /// Step and pass threshold.
    ///
    /// @param h         finite-difference step, > 0 (default 1e-5)
    /// @param tolerance largest error that passes, > 0 (default 1e-6)
    public record Options(double h, double tolerance) {
        public Options {
            Check.positive("GradCheck.Options", "h", h);
            Check.positive("GradCheck.Options", "tolerance", tolerance);
        }

        public static Options defaults() { return new Options(1e-5, 1e-6); }

        public Options withH(double h) { return new Options(h, tolerance); }

        public Options withTolerance(double tolerance) { return new Options(h, tolerance); }
    }

    /// The outcome of a check.
    ///
    /// @param maxRelativeError the largest `errᵢ` (formula in [GradCheck])
    /// @param worstIndex       where it occurs; for a matrix, the row-major index `i·cols + j`
    /// @param numeric          the central-difference gradient (a matrix flattened row by row)
    /// @param analytic         the gradient that was checked (a matrix flattened row by row)
    /// @param passed           `maxRelativeError ≤ tolerance`
    public record Result(double maxRelativeError, int worstIndex, Vector numeric, Vector analytic, boolean passed) {
        public Result {
            Check.notNull("GradCheck.Result", "numeric", numeric);
            Check.notNull("GradCheck.Result", "analytic", analytic);
        }

        /// `gradient check passed: max relative error 3.2e-9 at index 4 (5 entries)`; a failure also prints
        /// both values at the worst index: `gradient check FAILED: … at index 3 (5 entries): analytic 0.81, numeric -0.81`.
        @Override public String toString() {
            String head = String.format(Locale.ROOT, "gradient check %s: max relative error %s at index %d (%d %s)",
                    passed ? "passed" : "FAILED", sci(maxRelativeError), worstIndex, analytic.size(),
                    analytic.size() == 1 ? "entry" : "entries");
            if (passed) return head;
            return head + String.format(Locale.ROOT, ": analytic %s, numeric %s",
                    num(analytic.get(worstIndex)), num(numeric.get(worstIndex)));
        }
    }

    /// Checks `analyticGrad` = ∇f(x) with the default [Options].
    public static Result check(ToDoubleFunction<Vector> f, Vector x, Vector analyticGrad) {
        return check(f, x, analyticGrad, Options.defaults());
    }

    /// Checks `analyticGrad` = ∇f(x) with step `options.h()` and pass threshold `options.tolerance()`.
    public static Result check(ToDoubleFunction<Vector> f, Vector x, Vector analyticGrad, Options options) {
        String where = "GradCheck.check";
        Check.notNull(where, "f", f);
        Check.notNull(where, "x", x);
        Check.notNull(where, "analyticGrad", analyticGrad);
        Check.notNull(where, "options", options);
        if (x.size() != analyticGrad.size())
            throw Check.fail(where, "x has " + x.size() + " entries but analyticGrad has " + analyticGrad.size());
        double[] point = x.toArray();
        return compare(where, point, analyticGrad.toArray(), options,
                p -> f.applyAsDouble(Vector.wrap(p)), "x", 0);
    }

    /// Checks `gradW` = ∂f/∂W for a function of a matrix (a layer's weights) with the default [Options].
    public static Result check(ToDoubleFunction<Matrix> f, Matrix W, Matrix gradW) {
        return check(f, W, gradW, Options.defaults());
    }

    /// Checks `gradW` = ∂f/∂W entry by entry; the result's vectors are the matrices flattened row by row.
    public static Result check(ToDoubleFunction<Matrix> f, Matrix W, Matrix gradW, Options options) {
        String where = "GradCheck.check";
        Check.notNull(where, "f", f);
        Check.notNull(where, "W", W);
        Check.notNull(where, "gradW", gradW);
        Check.notNull(where, "options", options);
        if (W.rows() != gradW.rows() || W.cols() != gradW.cols())
            throw Check.fail(where, "W is " + W.shape() + " but gradW is " + gradW.shape() + " (shapes must match)");
        int rows = W.rows(), cols = W.cols();
        return compare(where, W.toArray(), gradW.toArray(), options,
                p -> f.applyAsDouble(Matrix.wrap(rows, cols, p)), "W", cols);
    }

    /// The shared loop: `point` is the flattened parameter, `eval` evaluates f on a fresh array it may keep.
    private static Result compare(String where, double[] point, double[] analytic, Options options,
                                  java.util.function.ToDoubleFunction<double[]> eval, String name, int cols) {
        int d = point.length;
        if (d == 0) throw Check.fail(where, name + " is empty (nothing to check)");
        Check.finite(where, name, point, Math.max(cols, 1), cols == 0);
        Check.finite(where, cols == 0 ? "analyticGrad" : "gradW", analytic, Math.max(cols, 1), cols == 0);
        double h = options.h();
        double[] numeric = new double[d];
        double worst = -1;
        int worstIndex = 0;
        for (int i = 0; i < d; i++) {
            double[] plus = point.clone(), minus = point.clone();   // fresh copies: f may hold on to its argument
            plus[i] += h;
            minus[i] -= h;
            double fPlus = eval.applyAsDouble(plus), fMinus = eval.applyAsDouble(minus);
            if (!Double.isFinite(fPlus) || !Double.isFinite(fMinus))
                throw Check.fail(where, "f is not finite at " + name + " ± h at index " + i
                        + " (f(+h) = " + fPlus + ", f(−h) = " + fMinus + ")");
            numeric[i] = (fPlus - fMinus) / (2 * h);                 // nᵢ = (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h
            double err = Math.abs(analytic[i] - numeric[i])
                    / Math.max(Math.abs(analytic[i]) + Math.abs(numeric[i]), 1);   // errᵢ
            if (err > worst) {
                worst = err;
                worstIndex = i;
            }
        }
        return new Result(worst, worstIndex, Vector.wrap(numeric), Vector.wrap(analytic), worst <= options.tolerance());
    }

    /// `3.2e-9` (two significant digits, no padded exponent) below 0.01, `0.25` above; the error is ≤ 1.
    static String sci(double x) {
        if (x == 0) return "0";
        if (x >= 0.01) return String.format(Locale.ROOT, "%.2f", x);
        String s = String.format(Locale.ROOT, "%.1e", x);            // 3.2e-09
        return s.replaceFirst("e([+-])0*(\\d)", "e$1$2");
    }

    /// Six significant digits without trailing zeros: `-4`, `0.812345`, `1.5e-07`.
    private static String num(double x) {
        String s = String.format(Locale.ROOT, "%.6g", x);
        if (s.contains("e")) return s.replaceFirst("\\.?0*e", "e").replaceFirst("e([+-])0*(\\d)", "e$1$2");
        return s.contains(".") ? s.replaceFirst("\\.?0+$", "") : s;
    }
}

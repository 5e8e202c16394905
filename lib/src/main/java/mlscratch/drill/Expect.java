package mlscratch.drill;

import java.util.function.ToDoubleFunction;

/// How one drill case judges an answer. The expected value is always the drill's reference solution run on
/// the same (freshly built) arguments, so a case never stores a number that could drift from the reference.
///
/// ```
/// Expect.close(1e-9)                       |got − expected| ≤ tol · max(1, |expected|), entrywise; shapes must match
/// Expect.gradient(loss, 0, 1e-6)           the answer is ∂loss/∂args[0]: compared with central differences
///                                          (∂L/∂xᵢ ≈ (L(x + h eᵢ) − L(x − h eᵢ)) / 2h) AND with the reference
/// Expect.atLeast("accuracy", score, 0.02)  score(answer) ≥ score(reference) − tol  (higher is better)
/// Expect.atMost("inertia", score, 1e-6)    score(answer) ≤ score(reference) · (1 + tol)  (lower is better)
/// Expect.that(judge)                       anything else: the judge returns null (passed) or a one-line reason
/// ```
public sealed interface Expect {

    /// Entrywise closeness to the reference: `|got − expected| ≤ tol · max(1, |expected|)`.
    record Close(double tol) implements Expect {
        public Close { requireTol(tol); }
    }

    /// The answer is the gradient of `loss(args)` with respect to `args[wrt]` (a Vector or a Matrix):
    /// checked against central finite differences of `loss` and against the reference, both within `tol`.
    record Gradient(ToDoubleFunction<Object[]> loss, int wrt, double tol) implements Expect {
        public Gradient {
            if (loss == null) throw new IllegalArgumentException("Expect.gradient: 'loss' must not be null");
            if (wrt < 0) throw new IllegalArgumentException("Expect.gradient: 'wrt' must be >= 0, got " + wrt);
            requireTol(tol);
        }
    }

    /// A score of the answer compared with the reference's score: `higherIsBetter` ⇒ got ≥ ref − tol,
    /// otherwise got ≤ ref · (1 + tol) + tol·1e-12 (a relative tolerance on an objective such as inertia).
    record Score(String name, ScoreFn score, double tol, boolean higherIsBetter) implements Expect {
        public Score {
            if (name == null || score == null) throw new IllegalArgumentException("Expect.Score: name and score must not be null");
            requireTol(tol);
        }
    }

    /// Any rule: `judge` returns null when the answer passes, else a one-line reason.
    record That(Judge judge) implements Expect {
        public That {
            if (judge == null) throw new IllegalArgumentException("Expect.that: 'judge' must not be null");
        }
    }

    /// A number measuring an answer on its arguments (accuracy of predictions, an objective…).
    @FunctionalInterface
    interface ScoreFn { double score(Object[] args, Object answer); }

    /// A custom rule: null when `got` passes, else a one-line reason (it may use `expected`, the reference's answer).
    @FunctionalInterface
    interface Judge { String judge(Object[] args, Object expected, Object got); }

    static Expect close(double tol) { return new Close(tol); }

    static Expect gradient(ToDoubleFunction<Object[]> loss, int wrt, double tol) { return new Gradient(loss, wrt, tol); }

    static Expect atLeast(String name, ScoreFn score, double tol) { return new Score(name, score, tol, true); }

    static Expect atMost(String name, ScoreFn score, double tol) { return new Score(name, score, tol, false); }

    static Expect that(Judge judge) { return new That(judge); }

    private static void requireTol(double tol) {
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("Expect: 'tol' must be finite and >= 0, got " + tol);
        }
    }
}

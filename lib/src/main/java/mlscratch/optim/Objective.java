package mlscratch.optim;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// A differentiable function L(w) of d weights to minimise, such as the loss of a model (`L` maps ℝᵈ to ℝ).
///
/// Implement [#value(Vector)] and [#gradient(Vector)]; override [#evaluate(Vector)] when the two share work
/// (the forward pass `Xw` of a linear model), since the optimizers call `evaluate`. Check the gradient with
/// [GradCheck] before optimizing:
/// ```
/// Objective f = Objective.of(w -> 0.5 * w.dot(A.times(w)) - b.dot(w),      // L(w) = ½wᵀAw − bᵀw
///                            w -> A.times(w).minus(b));                     // ∇L = Aw − b (A symmetric)
/// GradCheck.check(f::value, w0, f.gradient(w0));    // gradient check passed: …
/// LBFGS.minimize(f, w0).w();                        // ≈ A.solve(b)
/// ```
/// See also [StochasticObjective] (a sum over rows, for mini-batch SGD) and [TwiceDifferentiable] (with a
/// Hessian, for [Newton]). Ready-made test functions live in [Objectives].
public interface Objective {

    /// L(w).
    double value(Vector w);

    /// ∇L(w), one entry per weight.
    Vector gradient(Vector w);

    /// L(w) and ∇L(w) together; the default calls [#value(Vector)] and [#gradient(Vector)].
    default ValueAndGradient evaluate(Vector w) {
        return new ValueAndGradient(value(w), gradient(w));
    }

    /// An objective from two lambdas (handy in JShell).
    static Objective of(ToDoubleFunction<Vector> value, Function<Vector, Vector> gradient) {
        Check.notNull("Objective.of", "value", value);
        Check.notNull("Objective.of", "gradient", gradient);
        return new Objective() {
            @Override public double value(Vector w) { return value.applyAsDouble(w); }

            @Override public Vector gradient(Vector w) { return gradient.apply(w); }
        };
    }
}

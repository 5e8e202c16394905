package mlscratch.optim;

import mlscratch.linalg.Vector;
import mlscratch.model.Trace;
import mlscratch.util.Check;
import mlscratch.util.Progress;

/// Batch gradient descent, where every iteration takes the full gradient and applies one [UpdateRule] step
/// (plain, momentum, Nesterov, AdaGrad, RMSProp or Adam) with the learning rate of a [Schedule].
///
/// Notation: `L` the objective, `wₖ` the weights after k steps, `gₖ = ∇L(wₖ)`, `ηₖ` the scheduled rate.
/// ```
/// w₀ given;   repeat:  gₖ = ∇L(wₖ);  stop if ‖gₖ‖∞ ≤ tol;  wₖ₊₁ = rule.step(wₖ, gₖ) with rate ηₖ
/// ```
/// For plain GD on an L-smooth convex L (‖∇²L‖ ≤ L), any η < 2/L converges; η = 1/L gives
/// `L(wₖ) − L* ≤ ‖w₀ − w*‖²/(2ηk)`, and on a μ-strongly convex L the error shrinks by `(1 − μ/L)` per step.
///
/// Trace: the loss `L(wₖ)` before each step; converged when ‖g‖∞ ≤ tol or when early stopping ends the
/// run; notes for `maxIter`, early stopping, a loss that blows up, and Ctrl-C (which returns the weights so far).
/// ```
/// var f = Objectives.quadratic(Matrix.of(new double[][] {{3, 1}, {1, 2}}), Vector.of(1, 1));
/// var r = GradientDescent.minimize(f, Vector.zeros(2), GradientDescent.Options.defaults().withRule(UpdateRule.Adam.of(0.05)));
/// r.w();        // Vector(2) [0.2000, 0.4000]                         w* = A⁻¹b
/// r.trace();    // Trace: 236 iterations, converged, loss 0.000 → -0.300
/// ```
/// Cost: one `evaluate` and O(d) per iteration. Reference: Nocedal & Wright, *Numerical Optimization*, §3.3.
public final class GradientDescent {
    private GradientDescent() {}

    /// @param rule          the update (default `Plain(0.1)`)
    /// @param schedule      the learning rate per iteration, from `rule.learningRate()` (default constant)
    /// @param maxIter       the most iterations, ≥ 1 (default 1000)
    /// @param tol           stop when ‖∇L‖∞ ≤ tol, ≥ 0 (default 1e-6)
    /// @param earlyStopping stop on a validation objective, or null for none (default null)
    public record Options(UpdateRule rule, Schedule schedule, int maxIter, double tol, EarlyStopping earlyStopping) {
        public Options {
            Check.notNull("GradientDescent.Options", "rule", rule);
            Check.notNull("GradientDescent.Options", "schedule", schedule);
            Check.positive("GradientDescent.Options", "maxIter", maxIter);
            Check.nonNegative("GradientDescent.Options", "tol", tol);
        }

        public static Options defaults() {
            return new Options(new UpdateRule.Plain(0.1), Schedule.constant(), 1000, 1e-6, null);
        }

        public Options withRule(UpdateRule rule) { return new Options(rule, schedule, maxIter, tol, earlyStopping); }

        public Options withSchedule(Schedule schedule) { return new Options(rule, schedule, maxIter, tol, earlyStopping); }

        public Options withMaxIter(int maxIter) { return new Options(rule, schedule, maxIter, tol, earlyStopping); }

        public Options withTol(double tol) { return new Options(rule, schedule, maxIter, tol, earlyStopping); }

        public Options withEarlyStopping(EarlyStopping earlyStopping) {
            return new Options(rule, schedule, maxIter, tol, earlyStopping);
        }
    }

    /// Minimises `f` from `w0` with the default [Options].
    public static Result minimize(Objective f, Vector w0) { return minimize(f, w0, Options.defaults()); }

    /// Minimises `f` from `w0`.
    public static Result minimize(Objective f, Vector w0, Options options) {
        String where = "GradientDescent.minimize";
        Check.notNull(where, "f", f);
        Check.notNull(where, "w0", w0).requireFinite(where, "w0");
        Check.notNull(where, "options", options);
        var trace = Trace.builder();
        var state = UpdateRule.State.start(w0);
        var stopper = options.earlyStopping() == null ? null : new EarlyStopper(options.earlyStopping());
        double lr0 = options.rule().learningRate();
        boolean ended = false;
        try (var p = Progress.start("gradient descent", options.maxIter())) {
            for (int k = 0; k < options.maxIter(); k++) {
                ValueAndGradient vg = f.evaluate(state.w());
                Vector g = vg.gradient();                                        // gₖ = ∇L(wₖ)
                trace.loss(vg.value());
                if (!Double.isFinite(vg.value())) {
                    trace.note("the loss became " + vg.value() + " at iteration " + (k + 1)
                            + ": the learning rate is probably too large");
                    ended = true;
                    break;
                }
                if (g.normInf() <= options.tol()) {                              // ‖gₖ‖∞ ≤ tol
                    trace.converged();
                    ended = true;
                    break;
                }
                var rule = options.rule().withLearningRate(options.schedule().rate(lr0, k));   // ηₖ
                state = rule.step(state, g);                                     // wₖ₊₁
                p.step(vg.value());
                if (stopper != null && stopper.stop(state.w(), k + 1)) {
                    Vector w = stopper.finish(state.w(), k + 1, trace);
                    return new Result(w, trace.converged().build());
                }
                if (p.stopped()) {
                    trace.note("stopped by Ctrl-C after " + (k + 1) + " iterations");
                    ended = true;
                    break;
                }
            }
        }
        if (!ended) trace.note("stopped at maxIter = " + options.maxIter() + " before ‖∇L‖∞ ≤ " + options.tol());
        return new Result(state.w(), trace.build());
    }
}

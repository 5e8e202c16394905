package mlscratch.optim;

import java.util.Arrays;

import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;
import mlscratch.model.Trace;
import mlscratch.util.Check;
import mlscratch.util.Progress;

/// Mini-batch stochastic gradient descent: each epoch shuffles the rows (seeded), cuts them into batches
/// of `batchSize`, and applies one [UpdateRule] step per batch with the batch gradient, an unbiased but
/// noisy estimate of the full one. Momentum, Nesterov, AdaGrad, RMSProp and Adam are rules.
///
/// Notation: `n` rows, `B` a batch, `L_B` the mean loss over it, `ηₑ` the rate of epoch e ([Schedule]).
/// ```
/// for e = 0, 1, …, epochs − 1:
///     π = shuffle(0…n−1)                       seeded: same seed ⇒ same run
///     for each batch B = π[j·b … (j+1)·b):     the last batch may be smaller
///         g = ∇L_B(w)                          (1/|B|) Σᵢ∈B ∇ℓᵢ(w)
///         w ← rule.step(w, g) with rate ηₑ
/// ```
/// With a constant rate SGD does not converge to w* but wanders in a ball of radius ∝ η·Var(g) around it;
/// a decaying [Schedule] (Σηₑ = ∞, Σηₑ² < ∞) or growing batches shrink the ball.
///
/// Trace: one loss per epoch, the mean of the batch losses during it (as Keras reports it); notes for
/// early stopping and Ctrl-C (checked after every batch; the weights so far are returned). The trace
/// counts as converged only when early stopping ended the run.
/// ```
/// var r = SGD.minimize(Objectives.leastSquares(X, y), Vector.zeros(d),
///         SGD.Options.defaults().withRule(new UpdateRule.Momentum(0.05, 0.9)).withEpochs(50));
/// ```
/// Cost per epoch: one pass over the data, n/b steps. References: Bottou, Curtis & Nocedal, "Optimization
/// methods for large-scale machine learning" (2018); *Deep Learning* §8.3.
public final class SGD {
    private SGD() {}

    /// @param rule          the update (default `Plain(0.01)`)
    /// @param schedule      the learning rate per epoch, from `rule.learningRate()` (default constant)
    /// @param batchSize     rows per step, ≥ 1 (default 32; capped at n)
    /// @param epochs        passes over the data, ≥ 1 (default 100)
    /// @param seed          seeds the shuffles (default 42)
    /// @param earlyStopping stop on a validation objective, or null for none (default null)
    public record Options(UpdateRule rule, Schedule schedule, int batchSize, int epochs, long seed,
                          EarlyStopping earlyStopping) {
        public Options {
            Check.notNull("SGD.Options", "rule", rule);
            Check.notNull("SGD.Options", "schedule", schedule);
            Check.positive("SGD.Options", "batchSize", batchSize);
            Check.positive("SGD.Options", "epochs", epochs);
        }

        public static Options defaults() {
            return new Options(new UpdateRule.Plain(0.01), Schedule.constant(), 32, 100, 42, null);
        }

        public Options withRule(UpdateRule rule) { return new Options(rule, schedule, batchSize, epochs, seed, earlyStopping); }

        public Options withSchedule(Schedule schedule) { return new Options(rule, schedule, batchSize, epochs, seed, earlyStopping); }

        public Options withBatchSize(int batchSize) { return new Options(rule, schedule, batchSize, epochs, seed, earlyStopping); }

        public Options withEpochs(int epochs) { return new Options(rule, schedule, batchSize, epochs, seed, earlyStopping); }

        public Options withSeed(long seed) { return new Options(rule, schedule, batchSize, epochs, seed, earlyStopping); }

        public Options withEarlyStopping(EarlyStopping earlyStopping) {
            return new Options(rule, schedule, batchSize, epochs, seed, earlyStopping);
        }
    }

    /// Minimises `f` from `w0` with the default [Options].
    public static Result minimize(StochasticObjective f, Vector w0) { return minimize(f, w0, Options.defaults()); }

    /// Minimises `f` from `w0`.
    public static Result minimize(StochasticObjective f, Vector w0, Options options) {
        String where = "SGD.minimize";
        Check.notNull(where, "f", f);
        Check.notNull(where, "w0", w0).requireFinite(where, "w0");
        Check.notNull(where, "options", options);
        int n = f.n();
        if (n < 1) throw Check.fail(where, "f has n = " + n + " rows (needs at least 1)");
        int b = Math.min(options.batchSize(), n);
        var rng = Rng.of(options.seed());
        var trace = Trace.builder();
        var state = UpdateRule.State.start(w0);
        var stopper = options.earlyStopping() == null ? null : new EarlyStopper(options.earlyStopping());
        double lr0 = options.rule().learningRate();
        try (var p = Progress.start("SGD", options.epochs())) {
            for (int e = 0; e < options.epochs(); e++) {
                var rule = options.rule().withLearningRate(options.schedule().rate(lr0, e));   // ηₑ
                int[] perm = Rng.permutation(n, rng);                                         // π = shuffle
                double sum = 0;
                int seen = 0;
                for (int from = 0; from < n; from += b) {
                    int[] batch = Arrays.copyOfRange(perm, from, Math.min(from + b, n));      // B
                    ValueAndGradient vg = f.evaluate(state.w(), batch);                        // L_B, ∇L_B
                    sum += vg.value() * batch.length;
                    seen += batch.length;
                    state = rule.step(state, vg.gradient());                                   // w ← step
                    if (p.stopped()) break;                                                    // Ctrl-C: mid-epoch too
                }
                double L = sum / seen;
                trace.loss(L);
                p.step(L);
                if (p.stopped()) {
                    trace.note("stopped by Ctrl-C in epoch " + (e + 1)
                            + (seen < n ? " after " + seen + " of " + n + " rows" : ""));
                    break;
                }
                if (!Double.isFinite(L)) {
                    trace.note("the loss became " + L + " in epoch " + (e + 1) + ": the learning rate is probably too large");
                    break;
                }
                if (stopper != null && stopper.stop(state.w(), e + 1)) {
                    Vector w = stopper.finish(state.w(), e + 1, trace);
                    return new Result(w, trace.converged().build());
                }
            }
        }
        return new Result(state.w(), trace.build());
    }
}

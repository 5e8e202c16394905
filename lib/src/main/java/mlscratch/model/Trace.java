package mlscratch.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// What happened during a fit: the loss after each iteration, how many iterations ran, whether the
/// stopping rule was met, and notes on anything unusual (stopped at `maxIter`, re-seeded an empty
/// cluster). Every iterative model carries one; a closed-form model carries [#closedForm()].
///
/// ```
/// m.trace()                 // Trace: 37 iterations, converged, loss 0.693 → 0.102
/// m.trace().loss()          // Vector(37) [0.6931, 0.5120, 0.4033, …, 0.1022, 0.1021, 0.1020]
/// ```
/// A fit loop records into a [Builder]:
/// ```
/// var trace = Trace.builder();
/// for (int t = 0; t < maxIter; t++) {
///     …
///     trace.loss(L);
///     if (Math.abs(previous - L) < tol) return new Model(w, trace.converged().build());
/// }
/// return new Model(w, trace.note("stopped at maxIter = " + maxIter + " before converging").build());
/// ```
///
/// @param loss       the loss recorded at each iteration, in order (empty when nothing was recorded)
/// @param iterations the number of iterations that ran (≥ 0; 0 for a closed form)
/// @param converged  true when the stopping rule was met (a closed form counts as converged)
/// @param notes      non-fatal events, in order, one sentence each
public record Trace(Vector loss, int iterations, boolean converged, List<String> notes) {

    public Trace {
        Check.notNull("Trace", "loss", loss);
        Check.nonNegative("Trace", "iterations", iterations);
        notes = List.copyOf(Check.notNull("Trace", "notes", notes));
    }

    /// The trace of a closed-form solution: no iterations, converged, no loss recorded.
    public static Trace closedForm() { return new Trace(Vector.zeros(0), 0, true, List.of()); }

    /// One iteration per recorded loss.
    public static Trace of(Vector loss, boolean converged) {
        Check.notNull("Trace.of", "loss", loss);
        return new Trace(loss, loss.size(), converged, List.of());
    }

    /// A copy with `note` appended.
    public Trace withNote(String note) {
        var all = new ArrayList<>(notes);
        all.add(Check.notNull("Trace.withNote", "note", note));
        return new Trace(loss, iterations, converged, all);
    }

    /// A recorder for fit loops (mutable; used inside one `fit`, then turned into a `Trace`).
    public static Builder builder() { return new Builder(); }

    /// The loss after the last iteration, or NaN when none was recorded.
    public double finalLoss() { return loss.size() == 0 ? Double.NaN : loss.get(loss.size() - 1); }

    /// `Trace: 37 iterations, converged, loss 0.693 → 0.102`, then one line per note.
    @Override public String toString() {
        var sb = new StringBuilder("Trace: ");
        if (iterations == 0 && loss.size() == 0 && converged) sb.append("closed form");
        else sb.append(iterations).append(iterations == 1 ? " iteration, " : " iterations, ")
                .append(converged ? "converged" : "not converged");
        if (loss.size() == 1) sb.append(", loss ").append(number(loss.get(0)));
        else if (loss.size() > 1) sb.append(", loss ").append(number(loss.get(0))).append(" → ").append(number(finalLoss()));
        for (String note : notes) sb.append("\n  note: ").append(note);
        return sb.toString();
    }

    /// Three decimals in the everyday range, scientific otherwise: `0.693`, `1234.568`, `3.21e-07`.
    static String number(double x) {
        double a = Math.abs(x);
        if (!Double.isFinite(x)) return Double.isNaN(x) ? "NaN" : x > 0 ? "Inf" : "-Inf";
        if (a == 0 || (a >= 1e-3 && a < 1e6)) return String.format(Locale.ROOT, "%.3f", x);
        return String.format(Locale.ROOT, "%.2e", x);
    }

    /// Records losses and notes during a fit; [#build()] makes the immutable [Trace].
    public static final class Builder {
        private final List<Double> losses = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private int iterations = -1;
        private boolean converged;

        private Builder() {}

        /// Records the loss of one iteration.
        public Builder loss(double value) {
            losses.add(value);
            return this;
        }

        /// Records a non-fatal event.
        public Builder note(String note) {
            notes.add(Check.notNull("Trace.Builder.note", "note", note));
            return this;
        }

        /// Marks the fit as converged.
        public Builder converged() { return converged(true); }

        public Builder converged(boolean value) {
            converged = value;
            return this;
        }

        /// Sets the iteration count when it differs from the number of recorded losses (e.g. the loss is
        /// recorded every 10th iteration). By default it is the number of losses.
        public Builder iterations(int n) {
            iterations = Check.nonNegative("Trace.Builder.iterations", "n", n);
            return this;
        }

        /// Number of losses recorded so far.
        public int size() { return losses.size(); }

        public Trace build() {
            double[] L = new double[losses.size()];
            for (int i = 0; i < L.length; i++) L[i] = losses.get(i);
            return new Trace(Vector.wrap(L), iterations >= 0 ? iterations : L.length, converged, notes);
        }
    }
}
